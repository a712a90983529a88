#!/usr/bin/env python3
"""Generate a synthetic deck project for benchmarking dilemmaspil.

The project gets copies of deck/, layouts/ and fonts/ from the repository and
COUNT case files in cases/ with fictive Danish text. The output depends only
on COUNT and --seed, so two runs with the same arguments write identical files.

Usage: make_deck.py REPO TARGET COUNT [--seed N]

Prints the id of the case with the longest challenge plus solution. Long
texts take the most steps to fit, so its proof is among the slowest.
"""

import argparse
import random
import shutil
import sys
import tomllib
from pathlib import Path

# Limits that the case validation applies to title, submitted_by and contact
# fields.
MAX_SHORT = 80
# An e-mail address cannot be hyphenated, so it must fit one line of the
# contact box on the back of the card. At the minimum size of 7 pt the box
# fits about 37 characters of Inter, depending on the letters: a 38-character
# address failed with the layouts of this repository. `check` and `build`
# reject a deck with an address that does not fit.
MAX_EMAIL = 36

PLACE_STARTS = ["Nør", "Sønder", "Øster", "Vester", "Å", "Fjord", "Skov", "Lyng",
                "Bak", "Strand", "Mølle", "Kær", "Hede", "Bøge", "Ege", "Sø"]
PLACE_ENDS = ["by", "lund", "holm", "rup", "sted", "høj", "bæk", "ager", "vig", "næs"]
AGENCY_TOPICS = ["Digital Forvaltning", "Borgerdata", "Sundhedsregistre", "Trafikdata",
                 "Klimadata", "Arbejdsmarked", "Uddannelsesdata", "Ydelser"]
FIRST_NAMES = ["Karen", "Jens", "Mette", "Søren", "Birgitte", "Ahmed", "Lærke", "Mads",
               "Signe", "Henrik", "Fatima", "Ole", "Ida", "Rasmus", "Åse", "Bjørn"]
LAST_NAMES = ["Østergaard", "Nørgaard", "Holm", "Læssøe", "Ærøe", "Jensen", "Kristiansen",
              "Møller", "Dahl", "Bæk", "Sørensen", "Yilmaz", "Andersen", "Lund"]
COMPANY_WORDS = ["Datafabrikken", "Klarsyn", "Skyhøj", "Åbenlys Data", "Målbar IT",
                 "Nordlys Analyse", "Bølgen Digital", "Sikker Drift", "Kodekæden"]
COMPANY_FORMS = ["ApS", "A/S", "I/S", "P/S"]

# Neuter nouns only, because the templates put them after "et nyt".
SYSTEMS = ["sagsbehandlingssystem", "journalsystem", "økonomisystem", "ventelistesystem",
           "fagsystem til beskæftigelse", "bookingsystem til hjemmehjælp", "it-system til borgerservice"]
DATA = ["ventelister", "målerdata", "sygedagpengesager", "trafiktællinger", "skoledata",
        "oplysninger om hjemmepleje", "byggesager", "energiforbrug i kommunale bygninger"]

# A text starts with a lead sentence that names the organisation, and detail
# sentences follow. Challenge leads depend on the dilemma's category.
CHALLENGE_LEADS = {
    "jura": [
        "{org} ville samle {data} i et nyt {system}, men juristerne var i tvivl om hjemmelen.",
        "{org} ønskede at drifte sit {system} hos en leverandør uden for EU.",
        "{org} ville samkøre {data} med registre fra staten.",
    ],
    "organisation": [
        "I {org} lå {data} i tre afdelingers egne systemer.",
        "{org} havde et velfungerende {system}, men ingen ejede data bag det.",
        "Ledelsen i {org} ville bruge {data} til styring, men fagområderne talte forbi hinanden.",
    ],
    "teknologi": [
        "{org} ville automatisere arbejdet med {data}, men kvaliteten var svingende.",
        "{org}s gamle {system} kunne ikke levere data i et åbent format.",
        "{org} ville bruge maskinlæring på {data}.",
    ],
    "etik": [
        "{org} kunne forudsige behovet for hjælp ud fra {data}, men var det rimeligt over for borgerne?",
        "{org} ville dele {data} med forskere, men borgerne var ikke blevet spurgt.",
        "Medarbejderne i {org} var bekymrede for, at et nyt {system} ville overvåge dem.",
    ],
}
CHALLENGE_DETAILS = [
    "Hver tiende post var stavet forskelligt fra CPR og BBR.",
    "Databeskyttelsesrådgiveren advarede om behandling af følsomme personoplysninger.",
    "Projektet havde allerede brugt halvdelen af budgettet.",
    "Leverandørens standardkontrakt gav ikke ret til at hente data ud igen.",
    "Borgerne skulle fortælle deres historie igen og igen.",
    "Ingen kunne se det samlede billede på tværs af forvaltningerne.",
    "Lovgivningen fra før digitaliseringen tog ikke højde for automatiske afgørelser.",
    "Fagforeningen krævede at blive inddraget, før noget blev besluttet.",
    "Datasættet var for lille til at give sikre resultater i de mindste grupper.",
]
SOLUTION_LEADS = [
    "{org} lavede en konsekvensanalyse og afgrænsede formålet skarpt.",
    "{org} oprettede et fælles datalag, som afdelingerne ejer sammen.",
    "{org} krævede i kontrakten, at alle data og logs bliver i EU.",
    "{org} rensede registret mod officielle adressedata.",
    "{org} startede med et lille forsøg i én afdeling.",
    "{org} nedsatte en styregruppe med jurister, fagfolk og it-arkitekter.",
]
SOLUTION_DETAILS = [
    "En databehandleraftale med årlig revision sikrer, at reglerne følges.",
    "En medarbejder træffer altid afgørelsen, og borgeren får begrundelsen i klart sprog.",
    "Kun de nødvendige oplysninger deles, og borgeren får besked.",
    "Efter et år var ventetiden faldet med 30 procent.",
    "En ugentlig kontrol sender afvigelser til en medarbejder.",
    "Erfaringerne er delt med KL, så andre kommuner kan genbruge dem.",
    "Medarbejderne var med til at formulere reglerne for, hvem der må se hvad.",
    "Løsningen blev sat i drift efter en pilotfase på tre måneder.",
    "Ledelsen fik én fælles måltavle for kvalitet og økonomi.",
]
TITLES = ["Data i EU", "Ét fælles overblik", "Datakvalitet før automatisering",
          "Forklarlige afgørelser", "Følsomme data med omtanke", "Fra pilot til drift",
          "Klare roller om data", "Åbne data fra et lukket system", "Borgeren i centrum"]


def parse_args():
    parser = argparse.ArgumentParser(description="Generate a synthetic deck project.")
    parser.add_argument("repo", type=Path, help="repository with deck/, layouts/ and fonts/")
    parser.add_argument("target", type=Path, help="new folder for the project, which must not exist yet")
    parser.add_argument("count", type=int, help="number of case files to generate")
    parser.add_argument("--seed", type=int, default=2024, help="seed for the text generator (default: 2024)")
    return parser.parse_args()


def organisation(rng):
    """Return a fictive public organisation: its name, an ASCII slug for case ids and its e-mail domain."""
    place = rng.choice(PLACE_STARTS) + rng.choice(PLACE_ENDS)
    kind = rng.choice(["kommune", "kommune", "kommune", "region", "styrelse"])
    if kind == "kommune":
        name = f"{place} Kommune"
        domain = ascii_slug(place)
    elif kind == "region":
        name = f"Region {place}"
        domain = "r" + ascii_slug(place)
    else:
        name = f"Styrelsen for {rng.choice(AGENCY_TOPICS)}"
        domain = "".join(word[0] for word in ascii_slug(name).split("-"))
    return name, ascii_slug(name), f"{domain}.example.dk"


def ascii_slug(text):
    replacements = {"æ": "ae", "ø": "oe", "å": "aa"}
    lowered = "".join(replacements.get(char, char) for char in text.lower())
    words = "".join(char if char.isascii() and char.isalnum() else " " for char in lowered).split()
    return "-".join(words)


def compose(rng, lead, details, target):
    """Return the lead plus random detail sentences, as long as the text stays within target characters."""
    text = lead
    for sentence in rng.sample(details, len(details)):
        if len(text) + 1 + len(sentence) > target:
            continue
        text = f"{text} {sentence}"
    return text


def phone_number(rng):
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    style = rng.randrange(3)
    first = rng.randint(2, 9)
    if style == 0:
        return f"+45 {first}{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5]}{rng.randint(0, 9)}"
    if style == 1:
        return f"{first}{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5]}{rng.randint(0, 9)}"
    return f"+45 {first}{digits}{rng.randint(0, 9)}"


def toml_string(value):
    """Return value as a TOML basic string.

    Escaping quotes is enough because the generated text contains no backslashes or control characters.
    """
    return '"' + value.replace('"', '\\"') + '"'


def make_case(rng, number, dilemma, category, max_text):
    """Return the case id, its file content and the length of challenge plus solution."""
    org_name, org_slug, domain = organisation(rng)
    fields = {"org": org_name, "system": rng.choice(SYSTEMS), "data": rng.choice(DATA)}

    # Target lengths are drawn evenly from 40 characters up to the limit. The
    # lead sentence is always kept, so a short target gives one sentence.
    # All text uses precomposed letters, so len() counts graphemes as the
    # validation does.
    challenge_lead = rng.choice(CHALLENGE_LEADS[category]).format(**fields)
    challenge = compose(rng, challenge_lead, CHALLENGE_DETAILS, rng.randint(40, max_text))
    solution_lead = rng.choice(SOLUTION_LEADS).format(org=org_name)
    solution = compose(rng, solution_lead, SOLUTION_DETAILS, rng.randint(40, max_text))
    for text in (challenge, solution):
        if len(text) > max_text:
            raise ValueError(f"generated text is {len(text)} characters, over the {max_text} limit: {text}")

    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    company = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_FORMS)} (fiktiv)"
    # An address that would be too long uses the initials of the name instead.
    email = f"{ascii_slug(first)}.{ascii_slug(last)}@{domain}"
    if len(email) > MAX_EMAIL:
        email = f"{ascii_slug(first)[:2]}{ascii_slug(last)[:2]}@{domain}"
    case_id = f"{org_slug}-{number:04d}"

    lines = [f"dilemma = {dilemma}"]
    # One case in ten has no title, because the field is optional.
    if rng.random() >= 0.1:
        lines.append(f"title = {toml_string(rng.choice(TITLES))}")
    lines += [
        f"challenge = {toml_string(challenge)}",
        f"solution = {toml_string(solution)}",
        f"submitted_by = {toml_string(company)}",
        "",
        "[contact]",
        f"name = {toml_string(f'{first} {last}')}",
        f"organisation = {toml_string(org_name + ' (fiktiv)')}",
        f"email = {toml_string(email)}",
        f"phone = {toml_string(phone_number(rng))}",
    ]
    for value in (company, org_name + " (fiktiv)"):
        if len(value) > MAX_SHORT:
            raise ValueError(f"generated field is over {MAX_SHORT} characters: {value}")
    if len(email) > MAX_EMAIL:
        raise ValueError(f"generated e-mail address is over {MAX_EMAIL} characters: {email}")
    return case_id, "\n".join(lines) + "\n", len(challenge) + len(solution)


def main():
    args = parse_args()
    if args.target.exists():
        sys.exit(f"error: target folder {args.target} already exists. Pass a path that does not exist yet.")

    with open(args.repo / "deck" / "dilemmas.toml", "rb") as file:
        dilemmas = tomllib.load(file)["dilemma"]
    with open(args.repo / "deck" / "deck.toml", "rb") as file:
        max_text = tomllib.load(file)["text"]["max_graphemes"]
    categories = {dilemma["number"]: dilemma["category"] for dilemma in dilemmas}
    numbers = sorted(categories)
    if args.count < len(numbers):
        sys.exit(f"error: count must be at least {len(numbers)}, one case per dilemma, not {args.count}")

    args.target.mkdir(parents=True)
    for folder in ("deck", "layouts", "fonts"):
        shutil.copytree(args.repo / folder, args.target / folder)
    cases = args.target / "cases"
    cases.mkdir()

    rng = random.Random(args.seed)
    longest_id, longest_length = None, -1
    for index in range(args.count):
        # The first cases cover every dilemma once, the rest are spread unevenly,
        # as in a real deck where some dilemmas attract more cases than others.
        if index < len(numbers):
            dilemma = numbers[index]
        else:
            dilemma = rng.choices(numbers, weights=range(2 * len(numbers), len(numbers), -1))[0]
        case_id, content, length = make_case(rng, index + 1, dilemma, categories[dilemma], max_text)
        (cases / f"{case_id}.toml").write_text(content, encoding="utf-8")
        if length > longest_length:
            longest_id, longest_length = case_id, length

    print(longest_id)


if __name__ == "__main__":
    main()
