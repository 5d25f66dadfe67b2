//! Generated openings for tests and the benchmark (feature `sample`): varied,
//! invented, and deterministic. Opening `n` is always the same for the same
//! `today`, so a feed of 100 is the first 100 of a feed of 10,000.
//!
//! The organizations and people are invented; the cities are real places so
//! that the location facet looks like a consortium's. Every link is under
//! the reserved `.example` domain.

use crate::dates::{Timestamp, DAY_MS};
use crate::model::{
    Contact, Description, EmploymentType, Location, Opening, Organization, Salary, SalaryPeriod,
    Workplace,
};

/// An invented organization: name, web name, country, its cities, currency.
struct Org {
    name: &'static str,
    slug: &'static str,
    country: usize,
}

/// Country code, region names by city, cities, currency, yearly pay range.
struct Country {
    code: &'static str,
    cities: &'static [(&'static str, Option<&'static str>)],
    currency: &'static str,
    pay: (f64, f64),
}

const COUNTRIES: [Country; 10] = [
    Country {
        code: "GB",
        cities: &[
            ("London", None),
            ("Leeds", Some("West Yorkshire")),
            ("Edinburgh", Some("Scotland")),
        ],
        currency: "GBP",
        pay: (24_000.0, 52_000.0),
    },
    Country {
        code: "FR",
        cities: &[
            ("Lyon", Some("Auvergne-Rhône-Alpes")),
            ("Lille", None),
            ("Nantes", None),
        ],
        currency: "EUR",
        pay: (26_000.0, 48_000.0),
    },
    Country {
        code: "DE",
        cities: &[
            ("Göttingen", Some("Niedersachsen")),
            ("Leipzig", Some("Sachsen")),
            ("Köln", None),
        ],
        currency: "EUR",
        pay: (38_000.0, 68_000.0),
    },
    Country {
        code: "ES",
        cities: &[("Zaragoza", Some("Aragón")), ("Sevilla", Some("Andalucía"))],
        currency: "EUR",
        pay: (22_000.0, 40_000.0),
    },
    Country {
        code: "NL",
        cities: &[("Leiden", Some("Zuid-Holland")), ("Utrecht", None)],
        currency: "EUR",
        pay: (34_000.0, 62_000.0),
    },
    Country {
        code: "US",
        cities: &[
            ("Chicago", Some("IL")),
            ("Boston", Some("MA")),
            ("Portland", Some("OR")),
        ],
        currency: "USD",
        pay: (42_000.0, 95_000.0),
    },
    Country {
        code: "CA",
        cities: &[("Montréal", Some("QC")), ("Toronto", Some("ON"))],
        currency: "CAD",
        pay: (45_000.0, 88_000.0),
    },
    Country {
        code: "IT",
        cities: &[("Bologna", None), ("Torino", Some("Piemonte"))],
        currency: "EUR",
        pay: (24_000.0, 42_000.0),
    },
    Country {
        code: "SE",
        cities: &[("Malmö", None), ("Göteborg", None)],
        currency: "SEK",
        pay: (360_000.0, 540_000.0),
    },
    Country {
        code: "PL",
        cities: &[("Kraków", None), ("Łódź", None)],
        currency: "PLN",
        pay: (60_000.0, 120_000.0),
    },
];

const ORGS: [Org; 24] = [
    Org {
        name: "Harrowgate County Library",
        slug: "harrowgate-library",
        country: 0,
    },
    Org {
        name: "Fenwick Maritime Museum",
        slug: "fenwick-maritime",
        country: 0,
    },
    Org {
        name: "Northmoor Record Office",
        slug: "northmoor-records",
        country: 0,
    },
    Org {
        name: "Bibliothèque municipale de Saint-Aubin",
        slug: "bm-saint-aubin",
        country: 1,
    },
    Org {
        name: "Musée des Tisserands",
        slug: "musee-tisserands",
        country: 1,
    },
    Org {
        name: "Archives départementales du Val-Clair",
        slug: "archives-valclair",
        country: 1,
    },
    Org {
        name: "Universitätsbibliothek Altenfurt",
        slug: "ub-altenfurt",
        country: 2,
    },
    Org {
        name: "Stadtarchiv Kleinhafen",
        slug: "stadtarchiv-kleinhafen",
        country: 2,
    },
    Org {
        name: "Museum für Glaskunst Birkenau",
        slug: "glaskunst-birkenau",
        country: 2,
    },
    Org {
        name: "Biblioteca Comarcal del Ebro Alto",
        slug: "biblioteca-ebro-alto",
        country: 3,
    },
    Org {
        name: "Museo de la Cerámica Vallesur",
        slug: "museo-vallesur",
        country: 3,
    },
    Org {
        name: "Regionaal Archief Dijkstede",
        slug: "archief-dijkstede",
        country: 4,
    },
    Org {
        name: "Openbare Bibliotheek Waterland-Oost",
        slug: "ob-waterland",
        country: 4,
    },
    Org {
        name: "Cedar Falls Public Library",
        slug: "cedar-falls-library",
        country: 5,
    },
    Org {
        name: "Museum of Prairie History",
        slug: "prairie-history",
        country: 5,
    },
    Org {
        name: "Lakeshore University Special Collections",
        slug: "lakeshore-special",
        country: 5,
    },
    Org {
        name: "Bibliothèque publique de Rivière-Claire",
        slug: "bp-riviere-claire",
        country: 6,
    },
    Org {
        name: "Northern Lights Heritage Archive",
        slug: "northern-lights-archive",
        country: 6,
    },
    Org {
        name: "Biblioteca Civica di Montalto",
        slug: "civica-montalto",
        country: 7,
    },
    Org {
        name: "Museo Archeologico della Valle Serena",
        slug: "museo-valle-serena",
        country: 7,
    },
    Org {
        name: "Stadsbiblioteket i Norrvik",
        slug: "norrvik-bibliotek",
        country: 8,
    },
    Org {
        name: "Länsmuseet Österdal",
        slug: "lansmuseet-osterdal",
        country: 8,
    },
    Org {
        name: "Biblioteka Miejska w Zielonej Dolinie",
        slug: "bm-zielona-dolina",
        country: 9,
    },
    Org {
        name: "Muzeum Młynarstwa Wodnego",
        slug: "muzeum-mlynarstwa",
        country: 9,
    },
];

const ROLES: [&str; 20] = [
    "Librarian",
    "Archivist",
    "Curator",
    "Conservator",
    "Digital Preservation Officer",
    "Metadata Specialist",
    "Collections Manager",
    "Reference Librarian",
    "Records Manager",
    "Learning Officer",
    "Exhibitions Coordinator",
    "Systems Librarian",
    "Registrar",
    "Research Fellow",
    "Community Communications Coordinator",
    "Cataloguer",
    "Photographer",
    "Visitor Experience Host",
    "Volunteer Coordinator",
    "Digitisation Technician",
];

const GRADES: [&str; 4] = ["", "Senior ", "Assistant ", "Trainee "];

const SPECIALTIES: [&str; 6] = [
    "",
    ", Special Collections",
    ", Rare Books",
    ", Photographs and Film",
    ", Maps",
    " (Maternity Cover)",
];

/// How many distinct (organization, title) pairs there are before titles
/// need a number to stay unique.
const TITLES: usize = ROLES.len() * GRADES.len() * SPECIALTIES.len();

const DEPARTMENTS: [&str; 8] = [
    "Collections",
    "Digital Services",
    "Learning and Engagement",
    "Conservation",
    "Reader Services",
    "Finance and Operations",
    "Special Collections",
    "Research",
];

const TAGS: [&str; 10] = [
    "cataloguing",
    "digitisation",
    "outreach",
    "rare books",
    "archives",
    "metadata",
    "preservation",
    "exhibitions",
    "grant funded",
    "early career",
];

const REGIONS: [&str; 3] = ["European Union", "United Kingdom", "North America"];

const SENTENCES: [&str; 30] = [
    "You will care for collections that range from medieval charters to born-digital records.",
    "The team answers enquiries from researchers, students, family historians and the curious public.",
    "We are looking for someone who enjoys explaining complicated things in plain words.",
    "Experience with a library management system or a collections database is welcome but not required.",
    "You will help plan exhibitions, loans and displays with colleagues across the organization.",
    "Our reading room welcomes several thousand visitors a year, many of them for the first time.",
    "The post holder will catalogue new acquisitions to agreed standards and improve legacy records.",
    "You will support volunteers and trainees and share your knowledge generously.",
    "We value curiosity, patience and careful attention to detail.",
    "The role includes some evening and weekend work, with time off in lieu.",
    "You will work with conservators to handle fragile items safely.",
    "Digitisation of the photographic archive is a priority for the next three years.",
    "We are committed to making our collections accessible to disabled visitors and readers.",
    "Applications from people under-represented in the heritage sector are particularly welcome.",
    "The building is fully accessible and close to public transport.",
    "You will contribute to grant applications and report on funded projects.",
    "Knowledge of a second European language would be an advantage.",
    "The successful candidate will be able to lift boxes of up to ten kilograms.",
    "You will answer enquiries by email, telephone and in person.",
    "Training in handling, digitisation and copyright will be provided.",
    "We offer flexible working, a generous pension and thirty days of annual leave.",
    "You will help migrate metadata between systems and check its quality.",
    "The collection includes maps, letters, ledgers, posters and oral histories.",
    "You will write short texts for the website, social media and gallery labels.",
    "Our learning programme reaches schools, families and community groups across the region.",
    "You will keep accurate records of the movement and condition of objects.",
    "The team is small, friendly and used to sharing tasks when things get busy.",
    "A degree or equivalent experience in a relevant subject is expected.",
    "You will take part in the rota for opening and closing the building.",
    "Please tell us in your application how you meet each of the essential criteria.",
];

const DUTIES: [&str; 12] = [
    "Catalogue and index new material",
    "Answer reader and visitor enquiries",
    "Prepare items for digitisation",
    "Monitor environmental conditions in the stores",
    "Support school and community workshops",
    "Maintain the collections management database",
    "Assist with exhibitions and loans",
    "Supervise volunteers and placement students",
    "Contribute to social media and the newsletter",
    "Carry out basic conservation cleaning",
    "Retrieve and return items for the reading room",
    "Help with audits and stock checks",
];

const SYLLABLES: [&str; 16] = [
    "al", "ber", "cor", "dun", "el", "fen", "gar", "hol", "is", "kel", "lan", "mor", "nor", "os",
    "ril", "stav",
];

/// `count` openings, posted in the 60 days before `today` and closing in the
/// 90 days after it (so none is expired on `today`).
pub fn openings(count: usize, today: Timestamp) -> Vec<Opening> {
    (0..count).map(|n| opening(n, today)).collect()
}

/// A schema.org JSON-LD feed (an `ItemList`) of these openings, as the
/// benchmark serves it; written by [`crate::export::json_ld`].
pub fn json_ld_feed(openings: &[Opening]) -> String {
    crate::export::json_ld::item_list(Some("Generated openings"), openings).to_string()
}

/// Opening number `n`, the same every time for the same `today`.
pub fn opening(n: usize, today: Timestamp) -> Opening {
    let mut rng = Rng::new(n as u64);
    let org = &ORGS[n % ORGS.len()];
    let country = &COUNTRIES[org.country];
    let combo = (n / ORGS.len()) * 7919 % TITLES;
    let role = ROLES[combo % ROLES.len()];
    let grade = GRADES[combo / ROLES.len() % GRADES.len()];
    let specialty = SPECIALTIES[combo / (ROLES.len() * GRADES.len())];
    let mut title = format!("{grade}{role}{specialty}");
    let round = n / (ORGS.len() * TITLES);
    if round > 0 {
        title.push_str(&format!(" ({})", round + 1));
    }

    let workplace = match rng.below(10) {
        0 => Workplace::Remote,
        1 | 2 => Workplace::Hybrid,
        _ => Workplace::OnSite,
    };
    let city = country.cities[rng.below(country.cities.len())];
    let mut locations = Vec::new();
    if workplace != Workplace::Remote {
        locations.push(place(city, country.code));
        if rng.below(12) == 0 {
            let other = country.cities[rng.below(country.cities.len())];
            if other != city {
                locations.push(place(other, country.code));
            }
        }
    }
    let remote_regions = match workplace {
        Workplace::Remote => vec![REGIONS[rng.below(REGIONS.len())].to_string()],
        _ => Vec::new(),
    };

    let mut employment_types = vec![match rng.below(20) {
        0..=11 => EmploymentType::FullTime,
        12..=16 => EmploymentType::PartTime,
        17 | 18 => EmploymentType::Temporary,
        _ => EmploymentType::Intern,
    }];
    if rng.below(10) == 0 && employment_types[0] != EmploymentType::Temporary {
        employment_types.push(EmploymentType::Temporary);
    }
    if role == "Volunteer Coordinator" && rng.below(3) == 0 {
        employment_types.push(EmploymentType::Volunteer);
    }

    let department = (rng.below(7) != 0).then(|| DEPARTMENTS[rng.below(DEPARTMENTS.len())]);
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..rng.below(4) {
        let tag = TAGS[rng.below(TAGS.len())].to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }

    let salary = (rng.below(5) != 0).then(|| {
        let (low, high) = country.pay;
        let min = round_to(low + (high - low) * rng.fraction() * 0.7, 500.0);
        let max = round_to(min * (1.05 + rng.fraction() * 0.25), 500.0);
        if employment_types[0] == EmploymentType::PartTime && rng.below(2) == 0 {
            Salary {
                min: Some(round_to(min / 1800.0, 0.5)),
                max: None,
                currency: Some(country.currency.to_string()),
                period: SalaryPeriod::Hour,
            }
        } else {
            Salary {
                min: Some(min),
                max: Some(max),
                currency: Some(country.currency.to_string()),
                period: SalaryPeriod::Year,
            }
        }
    });

    let day = today.0.div_euclid(DAY_MS);
    let date_posted =
        (rng.below(10) != 0).then(|| Timestamp((day - rng.below(60) as i64) * DAY_MS));
    let valid_through = (rng.below(7) != 0)
        .then(|| Timestamp((day + 1 + rng.below(90) as i64) * DAY_MS + DAY_MS - 1000));

    let base = format!("https://careers.{}.example", org.slug);
    let apply_url = format!("{base}/openings/{n}");
    let contact = (rng.below(4) == 0).then(|| Contact {
        name: Some(person(&mut rng)),
        email: Some(format!("jobs@{}.example", org.slug)),
        url: None,
    });

    let description = description(&mut rng, org.name, &title, department, city.0);
    Opening {
        id: format!("gen-{n:05}"),
        title,
        organization: Organization {
            name: org.name.to_string(),
            url: Some(base),
            logo: None,
        },
        locations,
        workplace,
        remote_regions,
        employment_types,
        department: department.map(String::from),
        tags,
        salary,
        date_posted,
        valid_through,
        description: Description::Html(description),
        apply_url,
        url: None,
        contact,
        source: String::new(),
    }
}

fn place((locality, region): (&str, Option<&str>), country: &str) -> Location {
    Location {
        locality: Some(locality.to_string()),
        region: region.map(String::from),
        country: Some(country.to_string()),
    }
}

/// A description of a few hundred words: an introduction, paragraphs drawn
/// from a bank of sentences, a list of duties, and an invented collection
/// name or two so that the vocabulary is not tiny.
fn description(
    rng: &mut Rng,
    org: &str,
    title: &str,
    department: Option<&str>,
    city: &str,
) -> String {
    let team = department.unwrap_or("Collections");
    let collection = invented_name(rng);
    let mut html = format!(
        "<p>{org} is looking for a <strong>{title}</strong> to join its {team} team in {city}. \
         You will work closely with the {collection} Collection and its users.</p>"
    );
    for _ in 0..3 + rng.below(3) {
        let sentences: Vec<&str> = (0..4 + rng.below(4))
            .map(|_| SENTENCES[rng.below(SENTENCES.len())])
            .collect();
        html.push_str("<p>");
        html.push_str(&sentences.join(" "));
        html.push_str("</p>");
    }
    html.push_str("<h3>What you will do</h3><ul>");
    for _ in 0..4 + rng.below(3) {
        html.push_str("<li>");
        html.push_str(DUTIES[rng.below(DUTIES.len())]);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html.push_str(&format!(
        "<p>Questions? Read about the {} &amp; {} papers on our website before you apply.</p>",
        invented_name(rng),
        invented_name(rng)
    ));
    html
}

fn invented_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    for _ in 0..2 + rng.below(2) {
        name.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

fn person(rng: &mut Rng) -> String {
    const GIVEN: [&str; 8] = [
        "Ada", "Bruno", "Chiara", "Dara", "Élodie", "Femi", "Greta", "Hana",
    ];
    format!("{} {}", GIVEN[rng.below(GIVEN.len())], invented_name(rng))
}

fn round_to(value: f64, step: f64) -> f64 {
    (value / step).round() * step
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `0.0..1.0`.
    fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_number_gives_the_same_opening() {
        let today = Timestamp::from_ymd(2025, 3, 1).unwrap();
        assert_eq!(opening(42, today), opening(42, today));
        assert_eq!(openings(100, today)[..10], openings(10, today)[..]);
        assert_ne!(opening(1, today), opening(2, today));
    }

    #[test]
    fn the_json_ld_feed_reads_back_as_the_same_openings() {
        let today = Timestamp::from_ymd(2025, 3, 1).unwrap();
        let openings = openings(300, today);
        let feed = crate::feeds::parse_feed(
            &json_ld_feed(&openings),
            None,
            "https://feeds.example/generated.json",
            today,
            crate::feeds::DEFAULT_MAX_FEED_BYTES,
        )
        .unwrap();
        assert!(feed.skipped.is_empty(), "{:?}", feed.skipped);
        assert_eq!(feed.openings.len(), openings.len());
        for (read, made) in feed.openings.iter().zip(&openings) {
            let made = Opening {
                source: "https://feeds.example/generated.json".into(),
                ..made.clone()
            };
            assert_eq!(*read, made);
        }
    }

    #[test]
    fn descriptions_run_to_a_few_hundred_words() {
        let today = Timestamp::from_ymd(2025, 3, 1).unwrap();
        for o in openings(50, today) {
            let Description::Html(html) = &o.description else {
                panic!("HTML expected");
            };
            let words = crate::text::html_to_text(html).split_whitespace().count();
            assert!((150..=700).contains(&words), "{words} words");
        }
    }
}
