#!/usr/bin/env python3
"""Extracts the README's code snippets into files that the build compiles and ctest runs.

Every fenced block whose language is one of cpp, c, cmake, python, php or js must carry a test
name in its info string, e.g. ```cpp test=resolve_identities. Blocks in sh (commands) and text
are documentation and are not extracted. A C or C++ snippet without `int main` is a fragment:
its #include lines stay at the top and the rest becomes the body of main(), which returns 0.
JavaScript imports of './path' are made relative to the README's directory; Python and PHP
snippets run with the repository root as the working directory.

Usage: extract_snippets.py README.md OUT_DIR
Writes OUT_DIR/<name>.<ext> for each snippet and OUT_DIR/snippets.cmake, which sets
CXKIT_README_SNIPPETS to a list of "<language>;<name>;<file>" triples (flattened). Exits 1 naming
the line of a tested-language block without a test name, or of a duplicate name.
"""
import os
import pathlib
import re
import sys

TESTED = {"cpp": "cc", "c": "c", "cmake": "cmake", "python": "py", "php": "php", "js": "mjs"}
FENCE = re.compile(r"^```(\S*)(.*)$")
NAME = re.compile(r"\btest=([a-z0-9_]+)\b")


def snippets(lines):
    """Yields (language, name, first line number, code) of each fenced block."""
    block = None
    for number, line in enumerate(lines, 1):
        match = FENCE.match(line.rstrip("\n"))
        if match and block is None:
            name = NAME.search(match.group(2))
            block = (match.group(1), name.group(1) if name else None, number, [])
        elif line.rstrip("\n") == "```" and block is not None:
            yield block[0], block[1], block[2], "".join(block[3])
            block = None
        elif block is not None:
            block[3].append(line)


def as_program(code):
    """A C/C++ fragment wrapped into main(); a whole program unchanged."""
    if re.search(r"\bint\s+main\s*\(", code):
        return code
    lines = code.splitlines(keepends=True)
    includes = [line for line in lines if line.startswith("#include")]
    body = [line for line in lines if not line.startswith("#include")]
    return ("".join(includes) + "\nint main(void) {\n" +
            "".join("  " + line if line.strip() else line for line in body) +
            "  return 0;\n}\n")


def main(readme, out_dir):
    with open(readme, encoding="utf-8") as f:
        lines = f.readlines()
    os.makedirs(out_dir, exist_ok=True)
    entries, seen = [], set()
    for language, name, number, code in snippets(lines):
        if language not in TESTED:
            continue
        if name is None:
            sys.exit(f"{readme}:{number}: a {language} snippet needs a test name "
                     f"(```{language} test=NAME)")
        if name in seen:
            sys.exit(f"{readme}:{number}: duplicate snippet test name {name}")
        seen.add(name)
        if language in ("c", "cpp"):
            code = as_program(code)
        elif language == "js":  # './x' imports are relative to the README, not OUT_DIR
            root = pathlib.Path(os.path.abspath(os.path.dirname(readme))).as_uri()
            code = re.sub(r"""(from\s+['"])\./""", lambda m: m.group(1) + root + "/", code)
        path = os.path.join(out_dir, f"{name}.{TESTED[language]}")
        # Rewrite only on change, so unchanged snippets are not recompiled.
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != code:
            with open(path, "w", encoding="utf-8") as f:
                f.write(code)
        entries.append(f"{language};{name};{path}")
    with open(os.path.join(out_dir, "snippets.cmake"), "w", encoding="utf-8") as f:
        f.write("set(CXKIT_README_SNIPPETS\n")
        for entry in entries:
            f.write(f'  "{entry}"\n')
        f.write(")\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
