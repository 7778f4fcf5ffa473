//! File and folder names under `content/`: destination folders are
//! ISO 3166-1 alpha-2 codes, sheets are `<route>.<language>.md`.

/// Officially assigned ISO 3166-1 alpha-2 codes, lower case.
const ISO_3166_1: &str = "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj \
bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk \
dm do dz ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw \
gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb \
lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc \
ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc \
sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz \
ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

/// Kosovo's user-assigned code, used by the EU and by ISO-based systems.
const USER_ASSIGNED: &[&str] = &["xk"];

pub fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && (ISO_3166_1.split_ascii_whitespace().any(|c| c == code) || USER_ASSIGNED.contains(&code))
}

pub fn country_codes() -> impl Iterator<Item = &'static str> {
    ISO_3166_1
        .split_ascii_whitespace()
        .chain(USER_ASSIGNED.iter().copied())
}

/// The stem of a destination overview: `_country.<lang>.md`.
pub const OVERVIEW: &str = "_country";

/// `work.sr-Cyrl.md` → `("work", "sr-Cyrl")`.
pub fn split_sheet_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".md")?;
    let (route, lang) = stem.split_once('.')?;
    (!route.is_empty() && !lang.is_empty()).then_some((route, lang))
}

/// A sheet's file under the site's root: `content/<dest>/<route>.<lang>.md`
/// (an overview's route is [`OVERVIEW`]).
pub fn sheet_path(dest: &str, route: &str, lang: &str) -> std::path::PathBuf {
    std::path::Path::new("content")
        .join(dest)
        .join(format!("{route}.{lang}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_iso_lower_case() {
        for ok in ["de", "it", "ch", "us", "ca", "hr", "at", "al", "xk"] {
            assert!(is_country_code(ok), "{ok}");
        }
        for bad in ["DE", "uk", "xx", "deu", "", "d"] {
            assert!(!is_country_code(bad), "{bad}");
        }
        assert_eq!(country_codes().count(), 250);
    }

    #[test]
    fn sheet_names() {
        assert_eq!(
            split_sheet_name("work.sr-Cyrl.md"),
            Some(("work", "sr-Cyrl"))
        );
        assert_eq!(split_sheet_name("_country.en.md"), Some(("_country", "en")));
        assert_eq!(split_sheet_name("work.md"), None);
        assert_eq!(split_sheet_name(".en.md"), None);
        assert_eq!(split_sheet_name("work.en.txt"), None);
    }
}
