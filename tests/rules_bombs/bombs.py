"""Generators of hostile rules files (issue 14), shared by the tests.
Each returns the YAML text; rules use the abitest source and its fields."""


def rule(cond, name="r", extra=""):
    return (f"- rule: {name}\n  desc: d\n  condition: {cond}\n  output: \"n=%abitest.n\"\n"
            f"  priority: WARNING\n  source: abitest\n{extra}")


def list_doubling(n=30):
    s = "- list: l0\n  items: [aaaaaaaa, bbbbbbbb]\n"
    for i in range(1, n):
        s += f"- list: l{i}\n  items: [l{i-1}, l{i-1}]\n"
    return s + rule(f"abitest.msg in (l{n-1})")


def macro_doubling(n=22):
    s = "- macro: m0\n  condition: abitest.msg = a\n"
    for i in range(1, n):
        s += f"- macro: m{i}\n  condition: (m{i-1} or m{i-1})\n"
    return s + rule(f"m{n-1}")


def chain(op, n):
    return rule("(" + f" {op} ".join(f"abitest.msg = p{i}" for i in range(n)) + ")")


def big_list(n):
    return ("- list: big\n  items: [" + ", ".join(f"i{i}" for i in range(n)) + "]\n"
            + rule("abitest.msg in (big)"))


def exceptions(n):
    s = rule("abitest.msg = x", extra="  exceptions:\n")
    for i in range(n):
        s += f"  - name: e{i}\n    fields: [abitest.msg]\n    comps: [=]\n    values: [[x{i}]]\n"
    return s


def nest_seq(nbytes=200000):
    return "[" * nbytes


def nest_map(nbytes=200000):
    return "{a: " * (nbytes // 4)


def nest_block(depth=2000):
    return "".join(" " * i + "a:\n" for i in range(depth))


def alias_bomb():
    s = "- list: a\n  items: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for p, c in zip("abcdefgh", "bcdefghi"):
        s += f"- list: {c}\n  items: &{c} [" + ", ".join([f"*{p}"] * 10) + "]\n"
    return s


def output_tokens(n, tok="%abitest.n"):
    return (f"- rule: r\n  desc: d\n  condition: abitest.msg = x\n  output: \"" +
            " ".join([tok] * n) + "\"\n  priority: WARNING\n  source: abitest\n")


GENERATORS = {
    "output50k": lambda: output_tokens(50000),
    "output_xform50k": lambda: output_tokens(50000, "%tolower(abitest.msg)"),
    "list_doubling": list_doubling,
    "macro_doubling": macro_doubling,
    "and100k": lambda: chain("and", 100000),
    "or100k": lambda: chain("or", 100000),
    "or20k": lambda: chain("or", 20000),
    "list1m": lambda: big_list(1000000),
    "exc20k": lambda: exceptions(20000),
    "nest_seq": nest_seq,
    "nest_map": nest_map,
    "nest_block": nest_block,
    "alias_bomb": alias_bomb,
}

if __name__ == "__main__":
    # bombs.py <name> <path>: write one file (from a separate process, so
    # the test itself stays small: a spawned child's max RSS starts from
    # its parent's).
    import sys
    with open(sys.argv[2], "w") as f:
        f.write(GENERATORS[sys.argv[1]]())
