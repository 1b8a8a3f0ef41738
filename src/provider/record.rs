//! A CRM's person read, and its create and update bodies written, by one column of the field table
//! (`fields::SHOWN`, `fields::FORM`): each provider passes its own column, and knows no field by
//! name beyond a person's id and name.
use crate::fields::{Input, Read, Shown, Write, FORM, SHOWN};
use crate::json::Json;
use crate::model::{NewPerson, Person};

/// A CRM's person `v`: its id; its name (under `name_key`, else its first and last names joined,
/// else its primary e-mail); every shown field where `column` says the CRM holds it. `None`
/// without an id.
pub fn person_from(v: &Json, name_key: &str, column: fn(&Shown) -> Read) -> Option<Person> {
    let mut person = Person {
        id: v.text("id")?,
        first_name: v.text("firstName"),
        last_name: v.text("lastName"),
        ..Person::default()
    };
    for spec in SHOWN {
        person.set_values(spec.field, read(v, column(spec)));
    }
    let joined = [&person.first_name, &person.last_name].into_iter().flatten().cloned().collect::<Vec<_>>().join(" ");
    person.name = v
        .text(name_key)
        .or(Some(joined).filter(|n| !n.is_empty()))
        .or_else(|| person.emails.first().cloned())
        .unwrap_or_else(|| "(no name)".into());
    Some(person)
}

fn read(v: &Json, how: Read) -> Vec<String> {
    match how {
        Read::Keys(keys) => keys.iter().filter_map(|key| v.text(key)).collect(),
        Read::Points(key) => contact_points(v, key),
        Read::Texts(key) => v.get(key).items().unwrap_or_default().iter().filter_map(Json::as_str).collect(),
        Read::Commas(key) => v.text(key).map(|text| split_list(&text)).unwrap_or_default(),
        Read::FirstOf(list, key) => {
            v.get(list).items().and_then(|items| items.first()?.text(key)).into_iter().collect()
        }
        Read::Absent => Vec::new(),
    }
}

/// Values of contact points (`emails`, `phones`), primary first; entries may be objects or bare
/// strings.
fn contact_points(v: &Json, key: &str) -> Vec<String> {
    let mut points: Vec<(bool, String)> = v
        .get(key)
        .items()
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match item.as_str() {
            Some(s) => Some((false, s)),
            None => Some((item.get("isPrimary").as_bool().unwrap_or(false), item.text("value")?)),
        })
        .collect();
    points.sort_by_key(|(primary, _)| !primary);
    points.into_iter().map(|(_, value)| value).collect()
}

/// "vip, ,buyer " as ["vip", "buyer"].
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// A create's body: every input the CRM takes that holds something, sent as `column` says.
pub fn create_body(p: &NewPerson, column: fn(&Input) -> Write) -> Json {
    let mut body = Json::object();
    for input in FORM {
        let (value, how) = (p.get(input.name), column(input));
        let empty = match how {
            Write::Texts(_) | Write::Commas(_) => split_list(value).is_empty(),
            _ => value.trim().is_empty(),
        };
        if let Some((key, json)) = write(how, value, &Json::null()).filter(|_| !empty) {
            body.set(key, json);
        }
    }
    body
}

/// The inputs that changed from `before` to `after` set in `body`, sent as `column` says (an
/// emptied value as `null`; a contact point changed within the record's `original` list).
pub fn apply_changes(
    body: &mut Json,
    original: &Json,
    before: &NewPerson,
    after: &NewPerson,
    column: fn(&Input) -> Write,
) {
    for input in after.changed_from(before).into_iter().filter_map(crate::fields::input_named) {
        if let Some((key, json)) = write(column(input), after.get(input.name), original) {
            body.set(key, json);
        }
    }
}

fn write(how: Write, value: &str, original: &Json) -> Option<(&'static str, Json)> {
    let text = |v: &str| if v.is_empty() { Json::null() } else { Json::string(v) };
    Some(match how {
        Write::Text(key) => (key, text(value.trim())),
        Write::Point(key, kind) => (key, with_primary(&original.get(key), value, kind)),
        Write::Texts(key) => (key, Json::array(split_list(value).iter().map(|t| Json::string(t)).collect())),
        Write::Commas(key) => (key, text(&split_list(value).join(","))),
        Write::Never => return None,
    })
}

/// `points` (a person's `emails` or `phones`) with the primary one's value replaced by `value`, or
/// removed when `value` is blank; a new primary point of `kind` when there was none.
fn with_primary(points: &Json, value: &str, kind: &str) -> Json {
    let mut items = points.items().unwrap_or_default();
    let primary =
        items.iter().position(|i| i.get("isPrimary").as_bool() == Some(true)).or((!items.is_empty()).then_some(0));
    match (primary, value.trim()) {
        (Some(at), "") => {
            items.remove(at);
        }
        (Some(at), value) if items[at].is_object() => items[at].set("value", Json::string(value)),
        (Some(at), value) => items[at] = Json::string(value),
        (None, "") => {}
        (None, value) => items.push(Json::object_of([
            ("value", Json::string(value)),
            ("type", Json::string(kind)),
            ("isPrimary", Json::bool(true)),
        ])),
    }
    Json::array(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Field;

    fn read_as(json: &str, column: fn(&Shown) -> Read) -> Person {
        person_from(&Json::parse(json).unwrap(), "name", column).unwrap()
    }

    #[test]
    fn each_crm_is_read_by_its_column_of_the_table() {
        let rollout = |json| read_as(json, |spec| spec.rollout);
        let rally = |json| read_as(json, |spec| spec.rally);
        let ana = rollout(r#"{"id":"1","addresses":[{"city":" Lisboa "},{"city":"Porto"}],"tags":["a","b"]}"#);
        assert_eq!(ana.values(Field::City), ["Lisboa"], "the first address's");
        assert_eq!(ana.values(Field::Tags), ["a", "b"]);
        for none in [r#"{"id":"1","addresses":null}"#, r#"{"id":"1","addresses":[]}"#, r#"{"id":"1","addresses":[7]}"#]
        {
            assert!(rollout(none).values(Field::City).is_empty(), "{none}");
        }
        let bo = rally(r#"{"id":"2","city":"Austin","phone":"1","mobile":"2","tags":"x, ,y","companyName":"no"}"#);
        assert_eq!(bo.values(Field::City), ["Austin"]);
        assert_eq!(bo.values(Field::Phone), ["1", "2"]);
        assert_eq!(bo.values(Field::Tags), ["x", "y"]);
        assert!(bo.values(Field::Company).is_empty(), "Rally holds a company's id, not its name");
        assert_eq!((bo.name.as_str(), rally(r#"{"id":"3","email":"c@x.io"}"#).name.as_str()), ("(no name)", "c@x.io"));
    }

    #[test]
    fn each_crm_is_sent_what_its_column_says() {
        let typed = NewPerson {
            first_name: " Ana ".into(),
            email: "a@x.io".into(),
            tags: "vip, ,buyer".into(),
            ..Default::default()
        };
        let rollout = create_body(&typed, |input| input.rollout).stringify();
        assert_eq!(
            rollout,
            r#"{"emails":[{"isPrimary":true,"type":"work","value":"a@x.io"}],"firstName":"Ana","tags":["vip","buyer"]}"#
        );
        let rally = create_body(&typed, |input| input.rally).stringify();
        assert_eq!(rally, r#"{"email":"a@x.io","firstName":"Ana","tags":"vip,buyer"}"#, "(keys in order natively)");
        let mut changes = Json::object();
        let emptied = NewPerson { tags: " , ".into(), company: "Acme".into(), ..typed.clone() };
        apply_changes(&mut changes, &Json::null(), &typed, &emptied, |input| input.rally);
        assert_eq!(changes.stringify(), r#"{"tags":null}"#, "Rally takes no company name; emptied tags are null");
    }
}
