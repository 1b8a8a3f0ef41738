//! Deterministic, realistic seed data: names in several scripts, records with missing or null fields,
//! several emails and phones, and a few values that look like HTML or script (the panel must show
//! them as text).
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Map, Value};

use crate::clock::iso;

const FIRST: &[&str] = &[
    "Ana",
    "José",
    "Zoë",
    "Kenji",
    "Søren",
    "Ngozi",
    "Priya",
    "Mateus",
    "Chloé",
    "Liam",
    "Fatima",
    "Юлия",
    "Дмитрий",
    "美咲",
    "翔太",
    "محمد",
    "ليلى",
    "Ελένη",
    "Oğuz",
    "Siobhán",
    "Nguyễn",
    "Aarav",
];
const LAST: &[&str] = &[
    "García",
    "Okafor",
    "Tanaka",
    "Müller",
    "Johansson",
    "Silva",
    "O'Brien",
    "Kowalski",
    "Dubois",
    "Иванова",
    "Смирнов",
    "山田",
    "佐藤",
    "الحسن",
    "Παπαδόπουλος",
    "Yılmaz",
    "Trần",
    "Patel",
    "Smith",
];
const COMPANIES: &[&str] = &["Acme Realty", "Blue Door Homes", "Keller & Sons", "Nord Estates", "Sakura Fudosan"];
const STAGES: &[&str] = &["Lead", "Prospect", "Active Client", "Past Client", "Sphere"];
const TAGS: &[&str] = &["buyer", "seller", "investor", "first-time", "vip", "relocation"];
const SOURCES: &[&str] = &["Zillow", "Website", "Referral", "Open House"];
const CITIES: &[&str] = &["Lisboa", "Austin", "München", "大阪", "São Paulo", "Portland", "Zürich"];
/// Values that must be rendered as text, never as HTML.
pub const HOSTILE: &[&str] =
    &["<img src=x onerror=alert(1)>", "<script>alert(\"people-panel\")</script>", "<b>bold</b> & \"quoted\""];
/// Seeded timestamps start here (2026-01-01) and advance one minute per record.
const BASE_MS: u64 = 1_767_225_600_000;

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

fn ascii_slug(s: &str, i: usize) -> String {
    let slug: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
    if slug.is_empty() {
        format!("person{i}")
    } else {
        slug
    }
}

/// The `i`-th seeded Rollout person of a credential.
pub fn rollout_person(seed: u64, id: String, i: usize) -> Map<String, Value> {
    let mut rng = StdRng::seed_from_u64(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
    let first = pick(&mut rng, FIRST);
    let last = pick(&mut rng, LAST);
    let at = iso(BASE_MS + i as u64 * 60_000);
    let local = format!("{}.{}{}", ascii_slug(first, i), ascii_slug(last, i), i);
    let mut p = Map::new();
    p.insert("id".into(), json!(id));
    p.insert("firstName".into(), json!(first));
    p.insert("lastName".into(), json!(last));
    p.insert("name".into(), json!(format!("{first} {last}")));
    p.insert("emails".into(), match i % 7 {
        3 => Value::Null,
        5 => json!([]),
        _ => {
            let mut emails = vec![json!({ "value": format!("{local}@example.com"), "type": "work", "status": "Valid", "isPrimary": true })];
            if i.is_multiple_of(3) {
                emails.push(json!({ "value": format!("{local}@home.example"), "type": "home", "status": "Valid", "isPrimary": false }));
            }
            Value::Array(emails)
        }
    });
    p.insert("phones".into(), if i % 11 == 4 {
        Value::Null
    } else {
        let mut phones = vec![json!({ "value": format!("+1 555 {:03} {:04}", i % 1000, rng.random_range(0..10_000)), "type": "mobile", "isPrimary": true })];
        if i.is_multiple_of(4) {
            phones.push(json!({ "value": format!("+44 20 7946 {:04}", i % 10_000), "type": "work", "isPrimary": false }));
        }
        Value::Array(phones)
    });
    if i % 5 != 2 {
        p.insert("companyName".into(), json!(pick(&mut rng, COMPANIES)));
        p.insert("jobTitle".into(), json!("Agent"));
    }
    p.insert("stage".into(), if i % 9 == 8 { Value::Null } else { json!(pick(&mut rng, STAGES)) });
    p.insert("source".into(), json!(pick(&mut rng, SOURCES)));
    let tag_count = rng.random_range(0..3);
    p.insert("tags".into(), json!((0..tag_count).map(|_| pick(&mut rng, TAGS)).collect::<Vec<_>>()));
    if i % 37 == 13 {
        // Some upstream CRMs let users type anything: keep a few hostile-looking values.
        p.insert("companyName".into(), json!(HOSTILE[i % HOSTILE.len()]));
        p.insert("tags".into(), json!([HOSTILE[(i + 1) % HOSTILE.len()]]));
    }
    // Not from the generator (that would change every later value): some people have no address.
    p.insert("addresses".into(), match i % 8 {
        6 => Value::Null,
        7 => json!([]),
        _ => json!([{ "type": "home", "street": format!("{} Main St", 10 + i % 90), "city": CITIES[i % CITIES.len()], "country": "US" }]),
    });
    p.insert("created".into(), json!(at));
    p.insert("updated".into(), json!(at));
    p.insert("rolloutUpdated".into(), json!(at));
    p
}

/// The `i`-th seeded Rally contact of a tenant (without id/tenant, which the store assigns).
pub fn rally_contact(seed: u64, i: usize) -> (Map<String, Value>, u64) {
    let mut rng = StdRng::seed_from_u64(seed.wrapping_mul(7_919).wrapping_add(i as u64));
    let first = pick(&mut rng, FIRST);
    let last = pick(&mut rng, LAST);
    let at_ms = BASE_MS + i as u64 * 60_000;
    let mut c = Map::new();
    c.insert("firstName".into(), json!(first));
    c.insert("lastName".into(), json!(last));
    c.insert("fullName".into(), json!(format!("{first} {last}")));
    c.insert("email".into(), json!(format!("{}.{}{}@example.com", ascii_slug(first, i), ascii_slug(last, i), i)));
    c.insert(
        "phone".into(),
        if i % 6 == 1 {
            Value::Null
        } else {
            json!(format!("+1 555 {:03} {:04}", i % 1000, rng.random_range(0..10_000)))
        },
    );
    c.insert("mobile".into(), Value::Null);
    c.insert("title".into(), if i % 5 == 2 { Value::Null } else { json!("Buyer") });
    c.insert("department".into(), Value::Null);
    c.insert("companyId".into(), Value::Null);
    c.insert("lifecycleStage".into(), json!(pick(&mut rng, &["lead", "subscriber", "opportunity", "customer"])));
    c.insert("leadSource".into(), json!(pick(&mut rng, SOURCES)));
    c.insert("leadScore".into(), json!(rng.random_range(0..=100)));
    let tags = if i % 37 == 13 { HOSTILE[i % HOSTILE.len()].to_string() } else { pick(&mut rng, TAGS).to_string() };
    c.insert("tags".into(), json!(tags));
    c.insert("city".into(), if i % 8 == 6 { Value::Null } else { json!(CITIES[i % CITIES.len()]) });
    c.insert("createdAt".into(), json!(iso(at_ms)));
    c.insert("updatedAt".into(), json!(iso(at_ms)));
    (c, at_ms)
}

#[cfg(test)]
mod tests {
    #[test]
    fn seeding_is_deterministic_and_varied() {
        let a = super::rollout_person(42, "p1".into(), 13);
        assert_eq!(a, super::rollout_person(42, "p1".into(), 13));
        assert!(a["companyName"].as_str().unwrap().contains('<'), "index 13 carries a hostile value");
        assert!(super::rollout_person(42, "p".into(), 3)["emails"].is_null());
    }
}
