#!/usr/bin/env python3
"""Regenerate the starting-point notices (src/data/presets/<key>.json) and the reference
notices (tests/fixtures/reference/<key>.json) from the clause catalogue (src/data/catalogue/).

Every catalogue item in a preset is copied from the catalogue, so its text equals the
catalogue text; `tests/integration/catalogue.rs` checks that. Run from the repository root:

    python3 scripts/gen_presets.py

The references are the same notices with example controller details filled in; their
business IDs carry valid check digits (computed here).
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
    "tietoja uuteen tarkoitukseen, kerromme siitä tällä selosteella ja tarvittaessa suoraan. "
    "Selosteen päivityspäivä näkyy sen alussa.",
    "Vi uppdaterar denna beskrivning när behandlingen av personuppgifter ändras. Innan vi "
    "använder uppgifter för ett nytt ändamål informerar vi om det i denna beskrivning och vid "
    "behov direkt. Datum för uppdateringen syns i början av beskrivningen.",
    "We update this notice when the way we process personal data changes. Before we use data "
    "for a new purpose, we say so in this notice and, where needed, tell you directly. The "
    "date of the last update is shown at the top.")

COPY_OF_SAFEGUARDS = T(
    "pyytämällä sitä yhteyshenkilöltämme sähköpostilla tai kirjeitse.",
    "genom att be vår kontaktperson om den per e-post eller brev.",
    "ask our contact person by e-mail or post.")

COOKIE_CONSENT = T(
    "Välttämättömät evästeet tarvitaan sivuston toimintaan. Analytiikka- ja "
    "markkinointievästeet asetetaan vain, jos hyväksyt ne evästebannerissa, jonka "
    "ensimmäisellä tasolla voit myös kieltäytyä niistä. Voit muuttaa tai perua valintasi "
    "milloin tahansa sivuston alalaidan evästeasetuksista.",
    "Nödvändiga kakor behövs för att webbplatsen ska fungera. Analys- och "
    "marknadsföringskakor sätts endast om du godkänner dem i kakbannern, där du redan på "
    "första nivån också kan avböja dem. Du kan ändra eller återkalla ditt val när som helst "
    "i kakinställningarna längst ned på webbplatsen.",
    "Strictly necessary cookies make the site work. Analytics and marketing cookies are set "
    "only if you accept them in the cookie banner, whose first layer also lets you refuse "
    "them. You can change or withdraw your choice at any time in the cookie settings at the "
    "bottom of the site.")

AUTOMATED_ADS = T(
    "Emme tee sinua koskevia päätöksiä pelkästään automaattisen käsittelyn perusteella. Jos "
    "hyväksyt markkinointievästeet, mainospalvelut (Meta ja Google) päättelevät selaamisesi "
    "perusteella kiinnostuksen kohteitasi mainosten kohdentamiseksi. Tämä profilointi vaikuttaa "
    "vain siihen, mitä mainoksia näet; sillä ei ole oikeusvaikutuksia. Voit perua "
    "suostumuksesi milloin tahansa.",
    "Vi fattar inga beslut om dig enbart på grundval av automatiserad behandling. Om du "
    "godkänner marknadsföringskakor drar reklamtjänsterna (Meta och Google) slutsatser om dina "
    "intressen utifrån din surfning för att rikta reklam. Denna profilering påverkar endast "
    "vilken reklam du ser och har inga rättsverkningar. Du kan när som helst återkalla ditt "
    "samtycke.",
    "We make no decisions about you based solely on automated processing. If you accept "
    "marketing cookies, the advertising services (Meta and Google) infer your interests from "
    "your browsing in order to target ads. This profiling only affects which ads you see and "
    "has no legal effects. You can withdraw your consent at any time.")

CHILDREN_NO = T(
    "Palvelumme on tarkoitettu täysi-ikäisille, emmekä tietoisesti käsittele lasten tietoja.",
    "Våra tjänster är avsedda för vuxna och vi behandlar inte medvetet uppgifter om barn.",
    "Our services are meant for adults and we do not knowingly process children's data.")

META_JOINT = T(
    "Verkkokauppamme käyttää Meta-pikseliä. Olemme Meta Platforms Ireland Limitedin kanssa "
    "yhteisrekisterinpitäjiä siltä osin kuin pikselin tiedot kerätään sivustollamme ja "
    "siirretään Metalle (tietosuoja-asetuksen 26 artikla). Vastuunjako on sovittu Metan "
    "rekisterinpitäjän lisäyksessä (Controller Addendum): me vastaamme tästä informoinnista ja "
    "suostumuksen pyytämisestä, Meta tietojen käsittelystä siirron jälkeen. Voit käyttää "
    "oikeuksiasi kumpaa tahansa kohtaan.",
    "Vår webbutik använder Meta-pixeln. Vi är gemensamt personuppgiftsansvariga med Meta "
    "Platforms Ireland Limited för insamlingen av pixelns uppgifter på vår webbplats och "
    "överföringen till Meta (artikel 26 i dataskyddsförordningen). Ansvarsfördelningen har "
    "avtalats i Metas tillägg för personuppgiftsansvariga (Controller Addendum): vi ansvarar "
    "för denna information och för att be om samtycke, Meta för behandlingen efter "
    "överföringen. Du kan utöva dina rättigheter mot vem som helst av oss.",
    "Our web shop uses the Meta Pixel. We are joint controllers with Meta Platforms Ireland "
    "Limited for collecting the pixel's data on our site and transmitting it to Meta (GDPR "
    "Article 26). The responsibilities are set out in Meta's Controller Addendum: we are "
    "responsible for this information and for asking for consent, Meta for the processing "
    "after the transfer. You can exercise your rights against either of us.")

HEALTH_TEXT = T(
    "Terveystietoja käsitellään, koska se on tarpeen terveydenhuollon palvelun antamiseksi "
    "(tietosuoja-asetuksen 9 artiklan 2 kohdan h alakohta). Tietoja käsittelevät vain "
    "vaitiolovelvolliset terveydenhuollon ammattihenkilöt.",
    "Hälsouppgifter behandlas eftersom det behövs för att ge hälso- och sjukvårdstjänsten "
    "(artikel 9.2 h i dataskyddsförordningen). Uppgifterna behandlas endast av yrkesutbildade "
    "personer inom hälso- och sjukvården som har tystnadsplikt.",
    "Health data is processed because it is needed to provide the health-care service (GDPR "
    "Article 9(2)(h)). Only health-care professionals bound by professional secrecy handle it.")


def build(spec):
    recipients = [recipient(k) for k in spec["recipients"]] + \
                 [service_recipient(k) for k in spec["services"]]
    outside = any(r["country"] not in EEA for r in recipients)
    cookies = [c for k in spec.get("cookie_services", []) for c in service_cookies(k)]
    profiling = any(PURPOSES[k].get("profiling") for k in spec["purposes"])
    n = {
        "format": "seloste/1",
        "meta": {},
        "controllers": [{"kind": spec["kind"], "name": ""}],
    }
    if spec.get("joint_arrangement"):
        n["joint_arrangement"] = spec["joint_arrangement"]
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
    data["children"] = False
    data["children_text"] = spec.get("children_text", CHILDREN_NO)
    n["data"] = data
    n["sources"] = {"items": [source(k) for k in spec["sources"]]}
    n["recipients"] = {"items": recipients}
    # The renderer derives the transfer list and the "no transfers" sentence from the
    # recipients; the notice adds only how to get a copy of the safeguards.
    n["transfers"] = {"outside_eea": outside}
    if outside:
        n["transfers"]["copy_of_safeguards"] = COPY_OF_SAFEGUARDS
    n["retention"] = {"items": [retention(k) for k in spec["retention"]]}
    n["security"] = SECURITY
    if cookies:
        n["cookies"] = {"used": True, "items": cookies, "text": COOKIE_CONSENT}
    else:
        n["cookies"] = {"used": False}
        if spec.get("cookie_text"):
            n["cookies"]["text"] = spec["cookie_text"]
    # "No" to both is said by the renderer; the logic must be explained only for a "yes".
    n["automated"] = {"decisions": False, "profiling": profiling}
    if profiling:
        n["automated"]["text"] = AUTOMATED_ADS
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
        "subjects": ["customers", "prospects", "contact_persons"],
        "purposes": ["customer_relationship", "invoicing", "bookkeeping",
                     "direct_marketing_customers", "customer_service", "debt_collection",
                     "legal_claims"],
        "data": ["name", "contact_details", "work_details", "order_details",
                 "invoicing_details", "communications", "marketing_preferences"],
        "sources": ["subject", "own_systems", "employer", "trade_register"],
        "recipients": ["accountant", "debt_collection", "tax_authority"],
        "services": ["procountor", "holvi", "google_workspace"],
        "retention": ["customer_relationship", "bookkeeping_vouchers", "bookkeeping_books",
                      "direct_marketing", "legal_claims"],
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
        "recipients": ["accountant", "debt_collection", "tax_authority"],
        "services": ["shopify", "paytrail", "klarna", "posti", "matkahuolto",
                     "google_analytics", "meta_pixel"],
        "cookie_services": ["shopify", "google_analytics", "meta_pixel"],
        "joint_arrangement": META_JOINT,
        "retention": ["customer_relationship", "bookkeeping_vouchers", "bookkeeping_books",
                      "direct_marketing", "website_analytics", "logs", "legal_claims"],
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
        "data": ["email", "marketing_preferences", "website_usage"],
        "sources": ["subject", "own_systems", "cookies"],
        "recipients": ["web_host"],
        "services": ["mailchimp", "google_analytics"],
        "cookie_services": ["google_analytics"],
        "retention": ["consent", "direct_marketing", "website_analytics"],
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
        "services": ["microsoft_365"],
        "retention": ["job_applications", "legal_claims"],
        "children_text": T(
            "Emme käsittele alaikäisten hakijoiden tietoja tämän selosteen mukaisesti; "
            "kesätyöhön hakevista alaikäisistä kerromme erikseen.",
            "Vi behandlar inte uppgifter om minderåriga sökande enligt denna beskrivning; om "
            "minderåriga som söker sommarjobb informerar vi separat.",
            "We do not process data about minors under this notice; we inform minors applying "
            "for summer jobs separately."),
        "cookie_text": T(
            "Hakemukset otetaan vastaan sähköpostilla, joten rekrytoinnissa ei käytetä "
            "verkkolomaketta eikä evästeitä.",
            "Ansökningar tas emot per e-post, så rekryteringen använder varken webbformulär "
            "eller kakor.",
            "Applications are received by e-mail, so recruitment uses no web form and no "
            "cookies."),
    },
    {
        "key": "wellness",
        "title": T("Terveys- ja hyvinvointipalvelu", "Hälso- och välmåendetjänst",
                   "Health and wellness service"),
        "description": T(
            "Terveydenhuollon ammattihenkilölle (esim. fysioterapeutti, koulutettu hieroja): "
            "ajanvaraus, potilasasiakirjat terveystietoineen, laskutus ja kirjanpito.",
            "För yrkesutbildade personer inom hälso- och sjukvården (t.ex. fysioterapeut, "
            "utbildad massör): tidsbokning, journalhandlingar med hälsouppgifter, fakturering "
            "och bokföring.",
            "For a licensed health-care professional (e.g. physiotherapist, trained masseur): "
            "appointments, patient records with health data, invoicing and bookkeeping."),
        "kind": "sole_trader",
        "register": T("Asiakas- ja potilasrekisteri", "Kund- och patientregister",
                      "Client and patient register"),
        "subjects": ["health_clients"],
        "purposes": ["booking", "patient_records", "invoicing", "bookkeeping"],
        "data": ["name", "contact_details", "personal_identity_code", "booking_details",
                 "health_information", "invoicing_details"],
        "special_text": HEALTH_TEXT,
        "sources": ["subject", "own_systems", "guardian"],
        "recipients": ["accountant", "tax_authority"],
        "services": ["timma", "procountor"],
        "retention": ["patient_records", "customer_relationship", "bookkeeping_vouchers",
                      "bookkeeping_books"],
        "children_text": T(
            "Alaikäisen asiakkaan ajan varaa ja tiedot antaa yleensä huoltaja. Lasten tietoja "
            "käsitellään vain palvelun antamiseksi.",
            "För en minderårig kund bokar vårdnadshavaren vanligen tiden och lämnar "
            "uppgifterna. Uppgifter om barn behandlas endast för att ge tjänsten.",
            "For a client who is a minor, the guardian usually books and gives the data. "
            "Children's data is processed only to provide the service."),
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
        "recipients": ["umbrella_organisation", "auditor", "tax_authority"],
        "services": ["holvi", "mailerlite"],
        "retention": ["membership", "bookkeeping_vouchers", "bookkeeping_books"],
        "children_text": T(
            "Alle 15-vuotiaan jäsenyydestä päättää ja tiedot antaa huoltaja.",
            "För en medlem under 15 år beslutar vårdnadshavaren om medlemskapet och lämnar "
            "uppgifterna.",
            "For a member under 15, the guardian decides on membership and gives the data."),
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
    },
    "web_shop": {
        "controller": {"kind": "company", "name": "Pohjolan Villasukka Oy", "base": "3021458",
                       "street": "Kauppakatu 8", "postal_code": "40100", "city": "Jyväskylä",
                       "email": "asiakaspalvelu@villasukka.example", "phone": "014 123 4567",
                       "website": "https://villasukka.example"},
        "contact": ("Matti Korhonen", T("toimitusjohtaja", "verkställande direktör",
                                        "managing director")),
    },
    "newsletter_marketing": {
        "controller": {"kind": "company", "name": "Kahvila Kaneli Oy", "base": "2987642",
                       "street": "Aurakatu 3", "postal_code": "20100", "city": "Turku",
                       "email": "uutiskirje@kaneli.example", "phone": "02 234 5678",
                       "website": "https://kaneli.example"},
        "contact": ("Laura Salminen", T("markkinointipäällikkö", "marknadsföringschef",
                                        "marketing manager")),
    },
    "job_applicants": {
        "controller": {"kind": "company", "name": "Rakennuspalvelu Nieminen Oy", "base": "2745813",
                       "street": "Teollisuustie 4", "postal_code": "90620", "city": "Oulu",
                       "email": "rekry@nieminenrakennus.example", "phone": "08 345 6789",
                       "website": "https://nieminenrakennus.example"},
        "contact": ("Jari Nieminen", T("toimitusjohtaja", "verkställande direktör",
                                       "managing director")),
    },
    "wellness": {
        "controller": {"kind": "sole_trader", "name": "Hierontapalvelu Anna Virtanen",
                       "base": "3265190", "street": "Puijonkatu 15", "postal_code": "70100",
                       "city": "Kuopio", "email": "anna@hierontavirtanen.example",
                       "phone": "044 987 6543", "website": "https://hierontavirtanen.example"},
        "contact": ("Anna Virtanen", T("koulutettu hieroja, yrittäjä",
                                       "utbildad massör, företagare",
                                       "trained masseur, owner")),
    },
    "association_members": {
        "controller": {"kind": "association", "name": "Mäntykylän Kotiseutuyhdistys ry",
                       "base": "1876542", "other_id": "212.345", "street": "Koulutie 2",
                       "postal_code": "15200", "city": "Lahti",
                       "email": "hallitus@mantykyla.example", "phone": "050 456 7890",
                       "website": "https://mantykyla.example"},
        "contact": ("Pirjo Heikkinen", T("puheenjohtaja", "ordförande", "chair")),
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
        "verified_on": "2026-11-23",
        "source": "Built from the clause catalogue by scripts/gen_presets.py",
        "presets": [],
    }
    for spec in PRESETS:
        notice = build(spec)
        if spec.get("children"):
            notice["data"]["children"] = True
        write(os.path.join(ROOT, "src", "data", "presets", spec["key"] + ".json"), notice)
        write(os.path.join(ROOT, "tests", "fixtures", "reference", spec["key"] + ".json"),
              reference(spec["key"], notice))
        index["presets"].append({"key": spec["key"], "title": spec["title"],
                                 "description": spec["description"]})
    write(os.path.join(ROOT, "src", "data", "presets", "index.json"), index)


if __name__ == "__main__":
    main()
