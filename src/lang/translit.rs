//! Serbian Cyrillic to Latin, as used for `derive: {by: transliterate}`.
//!
//! One letter maps to one letter except Љ, Њ and Џ, which become digraphs;
//! their capital form depends on the word: `Љубав` → `Ljubav`, but the
//! all-capitals `ЉУБАВ` → `LJUBAV`.

fn single(c: char) -> Option<&'static str> {
    Some(match c {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Д' => "D",
        'Ђ' => "Đ",
        'Е' => "E",
        'Ж' => "Ž",
        'З' => "Z",
        'И' => "I",
        'Ј' => "J",
        'К' => "K",
        'Л' => "L",
        'М' => "M",
        'Н' => "N",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "Ć",
        'У' => "U",
        'Ф' => "F",
        'Х' => "H",
        'Ц' => "C",
        'Ч' => "Č",
        'Ш' => "Š",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        _ => return None,
    })
}

/// Transliterates Serbian Cyrillic in `text` to Latin; everything else
/// (Latin letters, digits, Markdown, URLs) is left as it is.
pub fn sr_cyrl_to_latn(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, &c) in chars.iter().enumerate() {
        let (title, upper) = match c {
            'Љ' => ("Lj", "LJ"),
            'Њ' => ("Nj", "NJ"),
            'Џ' => ("Dž", "DŽ"),
            _ => {
                match single(c) {
                    Some(s) => out.push_str(s),
                    None => out.push(c),
                }
                continue;
            }
        };
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let is_upper = |c: Option<char>| c.is_some_and(|c| c.is_uppercase());
        let is_letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic());
        // All capitals when the next letter is a capital, or when the word
        // ends here and the letter before was a capital (`ПЉ` → `PLJ`).
        let all_caps = is_upper(next) || (!is_letter(next) && is_upper(prev));
        out.push_str(if all_caps { upper } else { title });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sr_cyrl_to_latn as t;

    #[test]
    fn whole_alphabet() {
        assert_eq!(
            t("АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"),
            "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ"
        );
        assert_eq!(
            t("абвгдђежзијклљмнњопрстћуфхцчџш"),
            "abvgdđežzijklljmnnjoprstćufhcčdžš"
        );
    }

    #[test]
    fn digraphs_follow_the_word() {
        assert_eq!(t("Љубав, Његош и Џеп"), "Ljubav, Njegoš i Džep");
        assert_eq!(t("ЉУБАВ, ЊЕГОШ И ЏЕП"), "LJUBAV, NJEGOŠ I DŽEP");
        assert_eq!(t("ПЉ Љ љ"), "PLJ Lj lj");
        assert_eq!(t("Џ."), "Dž.");
    }

    #[test]
    fn leaves_latin_markdown_and_urls_alone() {
        let s = "## Виза [link](https://www.bmi.gv.at/x) `code` 2026.";
        assert_eq!(t(s), "## Viza [link](https://www.bmi.gv.at/x) `code` 2026.");
    }
}
