//! Which messages of a Fluent file cannot be formatted because of what
//! they refer to: a cycle (`a = { b }`, `b = { a }`) or a message or term
//! that does not exist. Found from the syntax tree, in every variant of
//! every selector, not only the ones some arguments happen to pick.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

/// Nesting deeper than this is not followed. `limits` refuses files that
/// nest deeper before they are parsed; this only bounds our recursion.
const MAX_DEPTH: usize = super::limits::MAX_NESTING;

/// For each broken message id, what is wrong, in words.
pub fn broken_messages<'a, 's: 'a>(
    entries: impl IntoIterator<Item = &'a Entry<&'s str>>,
) -> BTreeMap<String, String> {
    // One node per pattern: a message's value as `id`, a term's as `-id`,
    // an attribute as `id.attr`; each with what it refers to.
    let mut refs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in entries {
        let (key, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let patterns = value.map(|v| (key.clone(), v)).into_iter().chain(
            attributes
                .iter()
                .map(|a| (format!("{key}.{}", a.id.name), &a.value)),
        );
        for (node, p) in patterns {
            pattern(p, refs.entry(node).or_default(), 0);
        }
    }
    let mut problems: BTreeMap<String, String> = BTreeMap::new();
    for (key, targets) in &refs {
        if let Some(missing) = targets.iter().find(|t| !refs.contains_key(*t)) {
            problems.insert(
                key.clone(),
                format!("uses `{missing}`, which does not exist or has no value"),
            );
        }
    }
    for key in cyclic(&refs) {
        problems
            .entry(key)
            .or_insert_with(|| "refers to itself, directly or through other messages".into());
    }
    // Whatever uses a broken entry is broken too.
    let mut users: HashMap<&str, Vec<&str>> = HashMap::new();
    for (key, targets) in &refs {
        for t in targets {
            users.entry(t.as_str()).or_default().push(key);
        }
    }
    let mut queue: Vec<String> = problems.keys().cloned().collect();
    while let Some(bad) = queue.pop() {
        for user in users.get(bad.as_str()).into_iter().flatten() {
            if !problems.contains_key(*user) {
                problems.insert(
                    user.to_string(),
                    format!("uses `{bad}`, which cannot be formatted"),
                );
                queue.push(user.to_string());
            }
        }
    }
    // Only messages' values are formatted by the site.
    problems.retain(|k, _| !k.starts_with('-') && !k.contains('.'));
    problems
}

fn pattern(p: &Pattern<&str>, out: &mut Vec<String>, depth: usize) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expr(expression, out, depth + 1);
        }
    }
}

fn expr(e: &Expression<&str>, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, out, depth);
            for v in variants {
                pattern(&v.value, out, depth);
            }
        }
        Expression::Inline(i) => inline(i, out, depth),
    }
}

fn inline(i: &InlineExpression<&str>, out: &mut Vec<String>, depth: usize) {
    match i {
        InlineExpression::MessageReference { id, attribute } => out.push(match attribute {
            Some(a) => format!("{}.{}", id.name, a.name),
            None => id.name.to_string(),
        }),
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push(match attribute {
                Some(a) => format!("-{}.{}", id.name, a.name),
                None => format!("-{}", id.name),
            });
            call(arguments.as_ref(), out, depth);
        }
        InlineExpression::FunctionReference { arguments, .. } => call(Some(arguments), out, depth),
        InlineExpression::Placeable { expression } => expr(expression, out, depth + 1),
        _ => {}
    }
}

fn call(args: Option<&CallArguments<&str>>, out: &mut Vec<String>, depth: usize) {
    for a in args
        .into_iter()
        .flat_map(|a| a.positional.iter().chain(a.named.iter().map(|n| &n.value)))
    {
        inline(a, out, depth + 1);
    }
}

/// The entries that lie on a cycle: strongly connected components of more
/// than one entry, or an entry that refers to itself (Kosaraju, without
/// recursion so that a long chain cannot overflow the stack).
fn cyclic(refs: &BTreeMap<String, Vec<String>>) -> BTreeSet<String> {
    let keys: Vec<&str> = refs.keys().map(String::as_str).collect();
    let index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let edges: Vec<Vec<usize>> = refs
        .values()
        .map(|ts| {
            ts.iter()
                .filter_map(|t| index.get(t.as_str()).copied())
                .collect()
        })
        .collect();
    let mut reverse = vec![Vec::new(); keys.len()];
    for (from, ts) in edges.iter().enumerate() {
        for &to in ts {
            reverse[to].push(from);
        }
    }
    // Finishing order of a depth-first search.
    let mut order = Vec::with_capacity(keys.len());
    let mut seen = vec![false; keys.len()];
    for start in 0..keys.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            if let Some(&to) = edges[node].get(next) {
                stack.push((node, next + 1));
                if !seen[to] {
                    seen[to] = true;
                    stack.push((to, 0));
                }
            } else {
                order.push(node);
            }
        }
    }
    // Components on the reversed graph, in reverse finishing order.
    let mut component = vec![usize::MAX; keys.len()];
    let mut sizes = Vec::new();
    for &start in order.iter().rev() {
        if component[start] != usize::MAX {
            continue;
        }
        let c = sizes.len();
        sizes.push(0);
        component[start] = c;
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            sizes[c] += 1;
            for &from in &reverse[node] {
                if component[from] == usize::MAX {
                    component[from] = c;
                    stack.push(from);
                }
            }
        }
    }
    (0..keys.len())
        .filter(|&i| sizes[component[i]] > 1 || edges[i].contains(&i))
        .map(|i| keys[i].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(ftl: &str) -> BTreeMap<String, String> {
        let r = fluent_syntax::parser::parse(ftl).unwrap_or_else(|(r, _)| r);
        broken_messages(&r.body)
    }

    #[test]
    fn cycles_through_messages_terms_and_variants() {
        let b = broken(
            "a = { b }\nb = x { $n ->\n [one] { -t }\n *[other] y\n}\n-t = { a }\nok = fine { -u }\n-u = u\nuser = { a } z\nself = { self.attr }\n",
        );
        for id in ["a", "b"] {
            assert_eq!(
                b[id], "refers to itself, directly or through other messages",
                "{id}"
            );
        }
        assert_eq!(b["user"], "uses `a`, which cannot be formatted");
        assert_eq!(
            b["self"],
            "uses `self.attr`, which does not exist or has no value"
        );
        assert!(!b.contains_key("ok") && !b.contains_key("-t"), "{b:?}");
    }

    #[test]
    fn attributes_are_patterns_of_their_own() {
        let b = broken(
            "brand = Factsheet\n    .title = { brand } help\nx = v\n    .a = { x.a }\nuses-a = { x.a }\nuses-x = { x }\n",
        );
        assert_eq!(b["uses-a"], "uses `x.a`, which cannot be formatted");
        assert_eq!(b.len(), 1, "{b:?}");
    }

    #[test]
    fn unknown_references_in_any_variant_or_argument() {
        let b = broken(
            "a = { $n ->\n [one] { nope }\n *[other] x\n}\nb = { NUMBER($n, -gone) }\nc = { -t({ missing }) }\n-t = t\n    .kind = k\nd = { -t }\ne = { -t.kind ->\n [k] x\n *[other] y\n}\nf = { d.title }\ng = { h.x }\nh = z\n    .x = w\n",
        );
        assert_eq!(b["a"], "uses `nope`, which does not exist or has no value");
        assert_eq!(b["b"], "uses `-gone`, which does not exist or has no value");
        assert_eq!(
            b["c"],
            "uses `missing`, which does not exist or has no value"
        );
        assert_eq!(
            b["f"],
            "uses `d.title`, which does not exist or has no value"
        );
        assert_eq!(b.len(), 4, "{b:?}");
    }

    #[test]
    fn a_long_chain_is_no_cycle_and_no_stack_overflow() {
        let mut ftl: String = (0..50_000)
            .map(|i| format!("m{i} = {{ m{} }}\n", i + 1))
            .collect();
        ftl.push_str("m50000 = end\n");
        assert!(broken(&ftl).is_empty());
        ftl.push_str("m50001 = { m0 }\nm50000b = x\n");
        let ftl = ftl.replace("m50000 = end", "m50000 = { m0 }");
        assert_eq!(broken(&ftl).len(), 50_002);
    }
}
