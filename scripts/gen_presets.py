#!/usr/bin/env python3
"""Regenerate the starting-point notices (src/data/presets/<key>.json) and the reference
notices (tests/fixtures/reference/<key>.json) from the clause catalogue (src/data/catalogue/).

Every catalogue item in a preset is copied from the catalogue, so its text equals the
catalogue text; `tests/integration/catalogue.rs` checks that. Run from the repository root:

    python3 scripts/gen_presets.py

A preset asserts nothing the owner has not chosen: it names no vendor (only categories of
recipients such as "accounting firm") and ticks no security measure. The references are the
same notices as an owner would finish them: example controller details (business IDs with
valid check digits, computed here), the named services they use in place of some recipient
categories, the cookies those services set, and the security measures they take. Texts that
depend on those choices (the profiling text, the joint-controller arrangement) are built from
what is actually listed.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAT = os.path.join(ROOT, "src", "data", "catalogue")


def load(name):
    with open(os.path.join(CAT, name), encoding="utf-8") as f:
        return json.load(f)


def T(fi, sv, en):
    return {"fi": fi, "sv": sv, "en": en}


def by_key(entries):
    return {e["key"]: e for e in entries}


PURPOSES = by_key(load("purposes.json")["entries"])
SUBJECTS = by_key(load("subjects.json")["entries"])
DATA = by_key(load("data.json")["entries"])
SOURCES = by_key(load("sources.json")["entries"])
RECIPIENTS = by_key(load("recipients.json")["entries"])
RETENTION = by_key(load("retention.json")["entries"])
SEC = load("security.json")
SEC_MANUAL = by_key(SEC["manual"])
SEC_ELECTRONIC = by_key(SEC["electronic"])
SERVICES_FILE = load("services.json")
SERVICES = by_key(SERVICES_FILE["entries"])
CATEGORIES = {c["category"]: c["text"] for c in SERVICES_FILE["categories"]}
with open(os.path.join(ROOT, "src", "data", "countries.json"), encoding="utf-8") as f:
    EEA = {c["code"] for c in json.load(f)["countries"] if c["eea"]}


def purpose(k):
    c = PURPOSES[k]
    p = {"key": k, "text": c["text"], "basis": c["basis"]}
    if c.get("interest"):
        p["interest"] = c["interest"]
    if c.get("direct_marketing"):
        p["direct_marketing"] = True
    if c.get("profiling"):
        p["profiling"] = True
    return p


def item(table, k):
    return {"key": k, "text": table[k]["text"]}


def data_item(k):
    c = DATA[k]
    d = {"key": k, "text": c["text"]}
    if "required" in c:
        d["required"] = c["required"]
    if c.get("if_not_provided"):
        d["if_not_provided"] = c["if_not_provided"]
    if c.get("collected_automatically"):
        d["collected_automatically"] = True
    if c.get("requirement"):
        d["requirement"] = c["requirement"]
    return d


def source(k):
    c = SOURCES[k]
    s = {"key": k, "text": c["text"]}
    if c.get("from_subject"):
        s["from_subject"] = True
    if c.get("public"):
        s["public"] = True
    return s


def recipient(k):
    c = RECIPIENTS[k]
    r = {"key": k, "description": c["text"], "role": c["role"], "purpose": c["purpose"],
         "country": c["country"]}
    if c.get("mechanism"):
        r["mechanism"] = c["mechanism"]
    return r


def service_recipient(k):
    s = SERVICES[k]
    if not s["entity"]:
        name = s["name"]
    elif s["name"] in s["entity"]:
        name = s["entity"]
    else:
        name = f"{s['entity']} ({s['name']})"
    r = {"key": k, "name": name, "description": CATEGORIES[s["category"]], "role": s["role"],
         "purpose": s["purpose"], "country": s["country"]}
    if s.get("mechanism"):
        r["mechanism"] = s["mechanism"]
    return r


def service_cookies(k):
    s = SERVICES[k]
    out = []
    for c in s.get("cookies", []):
        ck = {"key": k, "name": c["name"], "provider": s["name"], "category": c["category"],
              "purpose": c["purpose"], "duration": c["duration"]}
        if c["category"] != "necessary":
            ck["consent"] = True
        out.append(ck)
    return out


def retention(k):
    c = RETENTION[k]
    r = {"key": k, "applies_to": c["applies_to"], "criteria": c["criteria"]}
    if c.get("period"):
        r["period"] = c["period"]
    return r


SECURITY = {
    "manual": [item(SEC_MANUAL, k) for k in SEC_MANUAL],
    "electronic": [item(SEC_ELECTRONIC, k) for k in SEC_ELECTRONIC],
}

HOW_TO = T(
    "Lähetä pyyntösi sähköpostilla tai kirjeitse tässä selosteessa mainitulle yhteyshenkilölle. "
    "Vastaamme viimeistään kuukauden kuluessa. Voimme pyytää sinua todistamaan henkilöllisyytesi.",
    "Skicka din begäran per e-post eller brev till kontaktpersonen som nämns i denna beskrivning. "
    "Vi svarar senast inom en månad. Vi kan be dig styrka din identitet.",
    "Send your request by e-mail or post to the contact person named in this notice. We answer "
    "within one month at the latest. We may ask you to prove your identity.")

CHANGES = T(
    "Päivitämme tätä selostetta, kun henkilötietojen käsittely muuttuu. Ennen kuin käytämme "
    "tietojasi uuteen tarkoitukseen, kerromme siitä tässä selosteessa ja tarvittaessa suoraan "
    "sinulle. Selosteen päivityspäivä näkyy sen alussa.",
    "Vi uppdaterar denna beskrivning när behandlingen av personuppgifter ändras. Innan vi "
    "använder dina uppgifter för ett nytt ändamål berättar vi om det i denna beskrivning och vid "
    "behov direkt för dig. Datum för uppdateringen syns i början av beskrivningen.",
    "We update this notice when the way we process personal data changes. Before we use your "
    "data for a new purpose, we say so in this notice and, where needed, tell you directly. The "
    "date of the last update is shown at the top.")

COPY_OF_SAFEGUARDS = T(
    "pyytämällä sitä yhteyshenkilöltämme sähköpostilla tai kirjeitse.",
    "genom att be vår kontaktperson om den per e-post eller brev.",
    "ask our contact person by e-mail or post.")

# Says nothing about which kinds of cookie are used: the list shows that.
COOKIE_CONSENT = T(
    "Asetamme muut kuin sivuston toiminnalle välttämättömät evästeet vain, jos hyväksyt ne "
    "evästebannerissa. Voit kieltäytyä niistä jo bannerin ensimmäisellä tasolla. Voit muuttaa "
    "tai perua valintasi milloin tahansa sivuston alalaidan evästeasetuksista.",
    "Andra kakor än de som behövs för att webbplatsen ska fungera sätter vi endast om du "
    "godkänner dem i kakbannern. Du kan avböja dem redan på bannerns första nivå. Du kan ändra "
    "eller återkalla ditt val när som helst i kakinställningarna längst ned på webbplatsen.",
    "We set cookies other than those the site needs to work only if you accept them in the "
    "cookie banner. You can refuse them on the banner's first layer. You can change or withdraw "
    "your choice at any time in the cookie settings at the bottom of the site.")


def automated_ads(ad_names):
    """The profiling text for targeted ads, naming only the advertising services listed."""
    if not ad_names:
        fi_who, sv_who, en_who = ("käyttämämme mainospalvelut päättelevät",
                                  "drar de reklamtjänster vi använder slutsatser om",
                                  "the advertising services we use infer")
    elif len(ad_names) == 1:
        n = ad_names[0]
        fi_who, sv_who, en_who = (f"mainospalvelu {n} päättelee",
                                  f"drar reklamtjänsten {n} slutsatser om",
                                  f"the advertising service {n} infers")
    else:
        fi_n = ", ".join(ad_names[:-1]) + " ja " + ad_names[-1]
        sv_n = ", ".join(ad_names[:-1]) + " och " + ad_names[-1]
        en_n = ", ".join(ad_names[:-1]) + " and " + ad_names[-1]
        fi_who, sv_who, en_who = (f"mainospalvelut {fi_n} päättelevät",
                                  f"drar reklamtjänsterna {sv_n} slutsatser om",
                                  f"the advertising services {en_n} infer")
    return T(
        "Emme tee sinua koskevia päätöksiä pelkästään automaattisesti. Jos hyväksyt "
        f"markkinointievästeet, {fi_who} selaamisesi perusteella, mistä olet kiinnostunut, ja "
        "mainoksia kohdennetaan sen mukaan. Profilointi vaikuttaa vain siihen, mitä mainoksia "
        "näet, eikä sillä ole oikeusvaikutuksia. Voit perua suostumuksesi milloin tahansa.",
        "Vi fattar inga beslut om dig enbart automatiskt. Om du godkänner "
        f"marknadsföringskakor {sv_who} dina intressen utifrån din surfning, och reklamen "
        "riktas enligt dem. Profileringen påverkar endast vilken reklam du ser och har inga "
        "rättsverkningar. Du kan när som helst återkalla ditt samtycke.",
        "We make no decisions about you based solely on automated processing. If you accept "
        f"marketing cookies, {en_who} your interests from your browsing, and ads are targeted "
        "accordingly. This profiling only affects which ads you see and has no legal effects. "
        "You can withdraw your consent at any time.")


CHILDREN_NOT_AIMED = T(
    "Palvelujamme ei ole suunnattu lapsille.",
    "Våra tjänster riktar sig inte till barn.",
    "Our services are not aimed at children.")

META_JOINT = T(
    "Verkkosivustomme käyttää Meta-pikseliä. Olemme Meta Platforms Ireland Limitedin kanssa "
    "yhteisrekisterinpitäjiä siltä osin kuin pikselin tiedot kerätään sivustollamme ja "
    "siirretään Metalle (tietosuoja-asetuksen 26 artikla). Vastuunjako on sovittu Metan "
    "rekisterinpitäjän lisäyksessä (Controller Addendum). Me vastaamme tästä informoinnista ja "
    "suostumuksen pyytämisestä, Meta tietojen käsittelystä siirron jälkeen. Voit käyttää "
    "oikeuksiasi kumpaa tahansa kohtaan.",
    "Vår webbplats använder Meta-pixeln. Vi är gemensamt personuppgiftsansvariga med Meta "
    "Platforms Ireland Limited för insamlingen av pixelns uppgifter på vår webbplats och "
    "överföringen till Meta (artikel 26 i dataskyddsförordningen). Ansvarsfördelningen har "
    "avtalats i Metas tillägg för personuppgiftsansvariga (Controller Addendum). Vi ansvarar "
    "för denna information och för att be om samtycke, Meta för behandlingen efter "
    "överföringen. Du kan utöva dina rättigheter gentemot var och en av oss.",
    "Our website uses the Meta Pixel. We are joint controllers with Meta Platforms Ireland "
    "Limited for collecting the pixel's data on our site and transmitting it to Meta (GDPR "
    "Article 26). The responsibilities are set out in Meta's Controller Addendum. We are "
    "responsible for this information and for asking for consent, Meta for the processing "
    "after the transfer. You can exercise your rights against either of us.")

# The essence of the arrangement (Art. 26(2)) for a joint controller a notice lists.
JOINT_ARRANGEMENTS = {"meta_pixel": META_JOINT}

HEALTH_TEXT = T(
    "Käsittelemme terveystietojasi vain hoidon antamiseksi ja potilasasiakirjojen laatimiseksi, "
    "kuten tietosuojalain 6 § sallii. Tietojasi käsittelevät vain vaitiolovelvolliset "
    "terveydenhuollon ammattihenkilöt.",
    "Vi behandlar dina hälsouppgifter endast för att ge vård och föra journalhandlingar, så som "
    "6 § i dataskyddslagen tillåter. Dina uppgifter behandlas endast av yrkesutbildade personer "
    "inom hälso- och sjukvården som har tystnadsplikt.",
    "We process your health data only to provide care and keep patient records, as section 6 of "
    "the Data Protection Act allows. Only health-care professionals bound by professional "
    "secrecy handle it.")


def recipient_or_service(k):
    # A recipient category of the same key wins: the starting points name categories, and a
    # category (e.g. kanta) carries wording reviewed for its context.
    return recipient(k) if k in RECIPIENTS else service_recipient(k)


def build(spec, choices=None):
    """The notice for `spec`; with `choices` (the reference's picks: `recipients` naming
    services, `cookie_services`, `security`) the notice as an owner would finish it."""
    choices = choices or {}
    recipients = [recipient_or_service(k) for k in choices.get("recipients", spec["recipients"])]
    outside = any(r["country"] not in EEA for r in recipients)
    cookie_keys = choices.get("cookie_services", [])
    cookies = [c for k in cookie_keys for c in service_cookies(k)]
    profiling = any(PURPOSES[k].get("profiling") for k in spec["purposes"])
    listed = [k for k in choices.get("recipients", spec["recipients"]) if k in SERVICES]
    joint = [JOINT_ARRANGEMENTS[k] for k in listed
             if SERVICES[k]["role"] == "joint_controller" and k in JOINT_ARRANGEMENTS]
    missing = [k for k in listed
               if SERVICES[k]["role"] == "joint_controller" and k not in JOINT_ARRANGEMENTS]
    assert not missing, f"{spec['key']}: no joint arrangement text for {missing}"
    n = {
        "format": "seloste/1",
        "meta": {},
        "controllers": [{"kind": spec["kind"], "name": ""}],
    }
    if joint:
        n["joint_arrangement"] = {l: " ".join(j[l] for j in joint) for l in ("fi", "sv", "en")}
    n["register"] = {"name": spec["register"],
                     "subjects": [item(SUBJECTS, k) for k in spec["subjects"]]}
    n["purposes"] = {"items": [purpose(k) for k in spec["purposes"]]}
    data = {"items": [data_item(k) for k in spec["data"]]}
    special = []
    for k in spec["data"]:
        c = DATA[k]
        if c.get("special"):
            sp = {"kind": c["special"], "condition": spec.get("condition", {}).get(k, c.get("condition"))}
            sp["text"] = spec.get("special_text", c["text"])
            special.append(sp)
    if special:
        data["special"] = special
    data["children"] = bool(spec.get("children"))
    data["children_text"] = spec.get("children_text", CHILDREN_NOT_AIMED)
    n["data"] = data
    n["sources"] = {"items": [source(k) for k in spec["sources"]]}
    n["recipients"] = {"items": recipients}
    # The renderer derives the transfer list and the "no transfers" sentence from the
    # recipients; the notice adds only how to get a copy of the safeguards.
    n["transfers"] = {"outside_eea": outside}
    if outside:
        n["transfers"]["copy_of_safeguards"] = COPY_OF_SAFEGUARDS
    n["retention"] = {"items": [retention(k) for k in spec["retention"]]}
    if choices.get("security"):
        n["security"] = SECURITY
    if spec.get("website"):
        n["cookies"] = {"used": True, "text": COOKIE_CONSENT}
        if cookies:
            n["cookies"] = {"used": True, "items": cookies, "text": COOKIE_CONSENT}
    else:
        assert not cookies, spec["key"]
        n["cookies"] = {"used": False}
        if spec.get("cookie_text"):
            n["cookies"]["text"] = spec["cookie_text"]
    # "No" to both is said by the renderer; the logic must be explained only for a "yes".
    n["automated"] = {"decisions": False, "profiling": profiling}
    if profiling:
        ads = [SERVICES[k]["name"] for k in listed if SERVICES[k]["category"] == "advertising"]
        n["automated"]["text"] = automated_ads(ads)
    n["rights"] = {"how_to": HOW_TO}
    n["changes"] = {"text": CHANGES}
    return n


PRESETS = [
    {
        "key": "sole_trader_customers",
        "title": T("Toiminimen asiakasrekisteri", "Kundregister för en enskild näringsidkare",
                   "Customer register of a sole trader"),
        "description": T(
            "Yksinyrittäjälle, joka myy palveluita kuluttajille ja yrityksille: asiakkaat, "
            "laskutus, kirjanpito ja markkinointi nykyisille asiakkaille.",
            "För en enskild näringsidkare som säljer tjänster till konsumenter och företag: "
            "kunder, fakturering, bokföring och marknadsföring till befintliga kunder.",
            "For a sole trader selling services to consumers and businesses: customers, "
            "invoicing, bookkeeping and marketing to existing customers."),
        "kind": "sole_trader",
        "register": T("Asiakasrekisteri", "Kundregister", "Customer register"),
        "subjects": ["customers", "contact_persons"],
        "purposes": ["customer_relationship", "invoicing", "bookkeeping",
                     "direct_marketing_customers", "customer_service", "debt_collection",
                     "legal_claims"],
        "data": ["name", "contact_details", "work_details", "order_details",
                 "invoicing_details", "communications", "marketing_preferences"],
        "sources": ["subject", "own_systems", "employer", "trade_register"],
        "recipients": ["accountant", "it_provider", "debt_collection", "tax_authority"],
        "retention": ["customer_relationship", "direct_marketing", "bookkeeping_vouchers",
                      "bookkeeping_books", "debt_collection", "legal_claims"],
    },
    {
        "key": "web_shop",
        "title": T("Verkkokauppa", "Webbutik", "Web shop"),
        "description": T(
            "Verkkokaupalle, jolla on maksunvälitys, kuljetukset, kävijäseuranta ja "
            "kohdennettu mainonta evästeiden avulla.",
            "För en webbutik med betalningsförmedling, leveranser, besöksstatistik och riktad "
            "reklam med kakor.",
            "For a web shop with online payments, deliveries, analytics and targeted "
            "advertising using cookies."),
        "kind": "company",
        "register": T("Verkkokaupan asiakasrekisteri", "Webbutikens kundregister",
                      "Web shop customer register"),
        "subjects": ["customers", "website_visitors"],
        "purposes": ["customer_relationship", "invoicing", "bookkeeping", "customer_service",
                     "direct_marketing_customers", "website_analytics", "targeted_ads",
                     "security_logs", "debt_collection", "legal_claims"],
        "data": ["name", "contact_details", "order_details", "invoicing_details",
                 "communications", "marketing_preferences", "website_usage", "log_data"],
        "sources": ["subject", "own_systems", "cookies", "partners"],
        "recipients": ["web_host", "payment_provider", "delivery", "accountant",
                       "debt_collection", "tax_authority"],
        "website": True,
        "retention": ["customer_relationship", "direct_marketing", "bookkeeping_vouchers",
                      "bookkeeping_books", "website_analytics", "logs", "debt_collection",
                      "legal_claims"],
    },
    {
        "key": "newsletter_marketing",
        "title": T("Uutiskirje ja markkinointi", "Nyhetsbrev och marknadsföring",
                   "Newsletter and marketing"),
        "description": T(
            "Uutiskirjeen tilaajille ja asiakasmarkkinoinnille: suostumus, "
            "sähköpostimarkkinointipalvelu ja verkkosivuston analytiikka.",
            "För nyhetsbrevets prenumeranter och kundmarknadsföring: samtycke, "
            "e-postmarknadsföringstjänst och webbanalys.",
            "For newsletter subscribers and customer marketing: consent, an e-mail marketing "
            "service and website analytics."),
        "kind": "company",
        "register": T("Markkinointirekisteri", "Marknadsföringsregister", "Marketing register"),
        "subjects": ["newsletter_subscribers", "customers", "website_visitors"],
        "purposes": ["newsletter", "direct_marketing_customers", "website_analytics"],
        "data": ["email", "newsletter_subscription", "newsletter_engagement",
                 "marketing_preferences", "purchase_history", "website_usage"],
        "sources": ["subject", "own_systems", "cookies"],
        "recipients": ["it_provider", "web_host"],
        "website": True,
        "retention": ["newsletter", "consent_proof", "direct_marketing", "marketing_objections",
                      "website_analytics"],
    },
    {
        "key": "job_applicants",
        "title": T("Työnhakijarekisteri", "Register över arbetssökande", "Job applicant register"),
        "description": T(
            "Rekrytointiin: hakemusten käsittely, suosittelijat ja hakemusten säilytys "
            "syrjintävaatimusten varalta.",
            "För rekrytering: behandling av ansökningar, referenser och förvaring av ansökningar "
            "med tanke på diskrimineringskrav.",
            "For recruitment: handling applications, referees and keeping applications in case "
            "of discrimination claims."),
        "kind": "company",
        "register": T("Työnhakijarekisteri", "Register över arbetssökande",
                      "Job applicant register"),
        "subjects": ["job_applicants"],
        "purposes": ["recruitment", "legal_claims"],
        "data": ["name", "contact_details", "application_details", "recruitment_assessment"],
        "sources": ["subject", "referees"],
        "recipients": ["it_provider"],
        "retention": ["job_applications", "legal_claims"],
        "children_text": T(
            "Rekrytointimme ei ole suunnattu alaikäisille.",
            "Vår rekrytering riktar sig inte till minderåriga.",
            "Our recruitment is not aimed at minors."),
        "cookie_text": T(
            "Otamme hakemukset vastaan sähköpostilla, joten rekrytoinnissa emme käytä "
            "verkkolomaketta emmekä evästeitä.",
            "Vi tar emot ansökningar per e-post, så vi använder varken webbformulär eller kakor "
            "i rekryteringen.",
            "We receive applications by e-mail, so recruitment uses no web form and no "
            "cookies."),
    },
    {
        "key": "wellness",
        "title": T("Terveys- ja hyvinvointipalvelu", "Hälso- och välmåendetjänst",
                   "Health and wellness service"),
        "description": T(
            "Terveydenhuollon ammattihenkilölle (esim. fysioterapeutti, koulutettu hieroja): "
            "ajanvaraus, hoito, potilasasiakirjat terveystietoineen ja Kanta-arkisto, "
            "laskutus ja kirjanpito.",
            "För yrkesutbildade personer inom hälso- och sjukvården (t.ex. fysioterapeut, "
            "utbildad massör): tidsbokning, vård, journalhandlingar med hälsouppgifter och "
            "Kanta-arkivet, fakturering och bokföring.",
            "For a licensed health-care professional (e.g. physiotherapist, trained masseur): "
            "appointments, care, patient records with health data and the Kanta repository, "
            "invoicing and bookkeeping."),
        "kind": "sole_trader",
        "register": T("Asiakas- ja potilasrekisteri", "Kund- och patientregister",
                      "Client and patient register"),
        "subjects": ["health_clients"],
        "purposes": ["booking", "treatment", "patient_records", "invoicing", "bookkeeping"],
        "data": ["name", "contact_details", "personal_identity_code", "booking_details",
                 "health_information", "invoicing_details"],
        "special_text": HEALTH_TEXT,
        "sources": ["subject", "own_systems", "guardian"],
        "recipients": ["kanta", "it_provider", "accountant", "tax_authority"],
        "retention": ["patient_records", "bookings", "bookkeeping_vouchers",
                      "bookkeeping_books"],
        "children_text": T(
            "Jos olet alaikäinen, huoltajasi yleensä varaa ajan ja antaa tietosi. Käsittelemme "
            "lasten tietoja vain hoidon antamiseksi. Jos olet riittävän kypsä päättämään "
            "hoidostasi, voit kieltää antamasta terveystietojasi huoltajallesi (laki potilaan "
            "asemasta ja oikeuksista 9 § 2 mom.).",
            "Om du är minderårig bokar din vårdnadshavare i regel tiden och lämnar dina "
            "uppgifter. Vi behandlar uppgifter om barn endast för att ge vård. Om du är mogen "
            "nog att besluta om din vård, kan du förbjuda oss att lämna ut dina hälsouppgifter "
            "till din vårdnadshavare (lagen om patientens ställning och rättigheter 9 § 2 mom.).",
            "If you are a minor, your guardian usually books the appointment and gives your "
            "data. We process children's data only to provide care. If you are mature enough to "
            "decide on your care, you can forbid us to give your health data to your guardian "
            "(Patients Act, section 9(2))."),
        "children": True,
    },
    {
        "key": "association_members",
        "title": T("Yhdistyksen jäsenrekisteri", "Föreningens medlemsregister",
                   "Association member register"),
        "description": T(
            "Rekisteröidylle yhdistykselle (ry): yhdistyslain mukainen jäsenluettelo, "
            "jäsenmaksut, jäsentiedotteet ja kirjanpito.",
            "För en registrerad förening (rf): medlemsförteckning enligt föreningslagen, "
            "medlemsavgifter, medlemsutskick och bokföring.",
            "For a registered association (ry): the list of members required by the "
            "Associations Act, fees, member news and bookkeeping."),
        "kind": "association",
        "register": T("Jäsenrekisteri", "Medlemsregister", "Member register"),
        "subjects": ["members"],
        "purposes": ["membership_register", "member_services", "bookkeeping"],
        "data": ["name", "municipality", "contact_details", "membership_details"],
        "sources": ["subject", "guardian"],
        "recipients": ["umbrella_organisation", "it_provider", "auditor", "tax_authority"],
        "retention": ["membership", "bookkeeping_vouchers", "bookkeeping_books"],
        "children_text": T(
            "Jos olet alle 15-vuotias, huoltajasi päättää jäsenyydestäsi ja antaa tietosi.",
            "Om du är under 15 år beslutar din vårdnadshavare om ditt medlemskap och lämnar "
            "dina uppgifter.",
            "If you are under 15, your guardian decides on your membership and gives your "
            "data."),
        "children": True,
    },
]


def ytunnus(base7):
    """A Y-tunnus with its check digit; None when the base has no valid check digit."""
    w = [7, 9, 10, 5, 8, 4, 2]
    r = sum(int(d) * k for d, k in zip(base7, w)) % 11
    if r == 1:
        return None
    return f"{base7}-{0 if r == 0 else 11 - r}"


REFERENCE = {
    "sole_trader_customers": {
        "controller": {"kind": "sole_trader", "name": "Kirsi Laaksonen (Toiminimi Laaksonen Design)",
                       "base": "3184527", "street": "Hämeenkatu 12 A 5", "postal_code": "33100",
                       "city": "Tampere", "email": "kirsi@laaksonendesign.example",
                       "phone": "040 712 3456", "website": "https://laaksonendesign.example"},
        "contact": ("Kirsi Laaksonen", T("yrittäjä", "företagare", "owner")),
        "choices": {"recipients": ["accountant", "procountor", "holvi", "google_workspace",
                                   "debt_collection", "tax_authority"]},
    },
    "web_shop": {
        "controller": {"kind": "company", "name": "Pohjolan Villasukka Oy", "base": "3021458",
                       "street": "Kauppakatu 8", "postal_code": "40100", "city": "Jyväskylä",
                       "email": "asiakaspalvelu@villasukka.example", "phone": "014 123 4567",
                       "website": "https://villasukka.example"},
        "contact": ("Matti Korhonen", T("toimitusjohtaja", "verkställande direktör",
                                        "managing director")),
        "choices": {"recipients": ["shopify", "paytrail", "klarna", "posti", "matkahuolto",
                                   "google_analytics", "meta_pixel", "accountant",
                                   "debt_collection", "tax_authority"],
                    "cookie_services": ["shopify", "google_analytics", "meta_pixel"]},
    },
    "newsletter_marketing": {
        "controller": {"kind": "company", "name": "Kahvila Kaneli Oy", "base": "2987642",
                       "street": "Aurakatu 3", "postal_code": "20100", "city": "Turku",
                       "email": "uutiskirje@kaneli.example", "phone": "02 234 5678",
                       "website": "https://kaneli.example"},
        "contact": ("Laura Salminen", T("markkinointipäällikkö", "marknadsföringschef",
                                        "marketing manager")),
        "choices": {"recipients": ["mailchimp", "google_analytics", "web_host"],
                    "cookie_services": ["google_analytics"]},
    },
    "job_applicants": {
        "controller": {"kind": "company", "name": "Rakennuspalvelu Nieminen Oy", "base": "2745813",
                       "street": "Teollisuustie 4", "postal_code": "90620", "city": "Oulu",
                       "email": "rekry@nieminenrakennus.example", "phone": "08 345 6789",
                       "website": "https://nieminenrakennus.example"},
        "contact": ("Jari Nieminen", T("toimitusjohtaja", "verkställande direktör",
                                       "managing director")),
        "choices": {"recipients": ["microsoft_365"]},
    },
    "wellness": {
        "controller": {"kind": "sole_trader", "name": "Hierontapalvelu Anna Virtanen",
                       "base": "3265190", "street": "Puijonkatu 15", "postal_code": "70100",
                       "city": "Kuopio", "email": "anna@hierontavirtanen.example",
                       "phone": "044 987 6543", "website": "https://hierontavirtanen.example"},
        "contact": ("Anna Virtanen", T("koulutettu hieroja, yrittäjä",
                                       "utbildad massör, företagare",
                                       "trained masseur, owner")),
        "choices": {"recipients": ["kanta", "timma", "procountor", "tax_authority"]},
    },
    "association_members": {
        "controller": {"kind": "association", "name": "Mäntykylän Kotiseutuyhdistys ry",
                       "base": "1876542", "other_id": "212.345", "street": "Koulutie 2",
                       "postal_code": "15200", "city": "Lahti",
                       "email": "hallitus@mantykyla.example", "phone": "050 456 7890",
                       "website": "https://mantykyla.example"},
        "contact": ("Pirjo Heikkinen", T("puheenjohtaja", "ordförande", "chair")),
        "choices": {"recipients": ["umbrella_organisation", "holvi", "mailerlite", "auditor",
                                   "tax_authority"]},
    },
}

DRAFTED = "2026-11-23"


def reference(key, notice):
    ref = json.loads(json.dumps(notice))
    r = REFERENCE[key]
    c = r["controller"]
    bid = ytunnus(c["base"])
    assert bid, f"{key}: {c['base']} has no valid check digit"
    party = {"kind": c["kind"], "name": c["name"], "business_id": bid}
    if c.get("other_id"):
        party["other_id"] = c["other_id"]
    party["address"] = {"street": c["street"], "postal_code": c["postal_code"], "city": c["city"]}
    party["email"] = c["email"]
    party["phone"] = c["phone"]
    party["website"] = c["website"]
    ref["controllers"] = [party]
    name, role = r["contact"]
    ref["contact"] = {"kind": "person", "name": name, "role": role,
                      "address": party["address"], "email": c["email"], "phone": c["phone"]}
    ref["meta"] = {"drafted": DRAFTED, "updated": DRAFTED}
    ref["changes"]["log"] = [{"date": DRAFTED, "text": T("Seloste laadittu.", "Beskrivningen upprättad.",
                                                          "Notice drawn up.")}]
    # Keep the field order of the model for readability.
    order = ["format", "meta", "controllers", "joint_arrangement", "contact", "register",
             "purposes", "data", "sources", "recipients", "transfers", "retention", "security",
             "cookies", "automated", "rights", "changes"]
    return {k: ref[k] for k in order if k in ref}


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    index = {
        "version": 1,
        "verified_on": "2026-11-30",
        "source": "Built from the clause catalogue by scripts/gen_presets.py",
        "presets": [],
    }
    for spec in PRESETS:
        notice = build(spec)
        write(os.path.join(ROOT, "src", "data", "presets", spec["key"] + ".json"), notice)
        choices = dict(REFERENCE[spec["key"]]["choices"], security=True)
        write(os.path.join(ROOT, "tests", "fixtures", "reference", spec["key"] + ".json"),
              reference(spec["key"], build(spec, choices)))
        index["presets"].append({"key": spec["key"], "title": spec["title"],
                                 "description": spec["description"]})
    write(os.path.join(ROOT, "src", "data", "presets", "index.json"), index)


if __name__ == "__main__":
    main()
