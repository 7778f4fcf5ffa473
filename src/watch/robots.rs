//! robots.txt (RFC 9309): the group for our user agent, or `*`; the
//! longest matching `Allow`/`Disallow` wins, `Allow` on a tie; `*` and a
//! final `$` in patterns.

/// A group's user agents and its rules.
type Group = (Vec<String>, Vec<(bool, String)>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Robots {
    /// (allow, pattern)
    rules: Vec<(bool, String)>,
}

impl Robots {
    pub fn allow_all() -> Robots {
        Robots { rules: Vec::new() }
    }

    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![(false, "/".into())],
        }
    }

    /// The rules for `agent` (matched case-insensitively as a product
    /// token), else those for `*`.
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        // Groups: (agents, rules); consecutive user-agent lines share one.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new()));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(v.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    // An empty Disallow allows everything: no rule.
                    if let (Some(g), false) = (groups.last_mut(), v.is_empty()) {
                        g.1.push((k == "allow", v.to_string()));
                    }
                }
                _ => {}
            }
        }
        let pick = |want: &dyn Fn(&str) -> bool| {
            let rules: Vec<_> = groups
                .iter()
                .filter(|(agents, _)| agents.iter().any(|a| want(a)))
                .flat_map(|(_, r)| r.iter().cloned())
                .collect();
            (groups
                .iter()
                .any(|(agents, _)| agents.iter().any(|a| want(a))))
            .then_some(rules)
        };
        let rules = pick(&|a: &str| a != "*" && agent.starts_with(a))
            .or_else(|| pick(&|a: &str| a == "*"))
            .unwrap_or_default();
        Robots { rules }
    }

    /// Whether a path (with its query) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for (allow, pat) in &self.rules {
            if matches(pat, path) {
                let len = pat.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// A robots.txt pattern against a path: `*` any run, `$` the end.
fn matches(pat: &str, path: &str) -> bool {
    let (pat, anchored) = match pat.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pat, false),
    };
    let parts: Vec<&str> = pat.split('*').collect();
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            at = part.len();
            continue;
        }
        let last = i == parts.len() - 1;
        if last && anchored {
            return path.len() >= at + part.len() && path[at..].ends_with(part);
        }
        match path[at..].find(part) {
            Some(p) => at += p + part.len(),
            None => return false,
        }
    }
    !anchored || at == path.len() || parts.len() > 1 && parts.last() == Some(&"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_longest_match() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: Factsheet\nUser-agent: other\n\
             Disallow: /private\nAllow: /private/ok\nDisallow: /*.pdf$\n",
            "factsheet",
        );
        assert!(r.allows("/public"));
        assert!(!r.allows("/private/x"));
        assert!(r.allows("/private/ok/y"));
        assert!(!r.allows("/a/b.pdf"));
        assert!(r.allows("/a/b.pdf?x"));
        let star = Robots::parse("User-agent: *\nDisallow: /x\nDisallow:\n", "factsheet");
        assert!(!star.allows("/x/1") && star.allows("/y"));
        assert!(Robots::parse("", "factsheet").allows("/"));
        assert!(!Robots::disallow_all().allows("/a"));
    }
}
