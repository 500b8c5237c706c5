#!/usr/bin/env python3
"""Build each module's README.rst from its readme/*.md fragments (OCA layout).

Usage: tools/gen_readme.py [addons/<module> ...]   (default: every module)
The pre-commit hook runs it; it rewrites README.rst only when it changed.
"""

import ast
import re
import sys
from pathlib import Path

SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("DEVELOP.md", "Architecture and data flow"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("HISTORY.md", "Changelog"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def md_to_rst(text):
    lines = []
    source = text.strip().splitlines()
    literal = nested = False
    for index, line in enumerate(source):
        if literal and line and not line.startswith("    "):
            literal = False
        if literal:
            # an indented block after a paragraph ending with ":" is a
            # diagram or a command: a literal block in reStructuredText
            lines.append(line)
            continue
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            if lines and lines[-1].strip():
                lines.append("")
            title = heading.group(2).strip()
            mark = {1: "~", 2: "~", 3: "^", 4: "'"}[len(heading.group(1))]
            lines += [title, mark * len(title.encode("utf-8").decode()) * 2, ""]
            continue
        line = re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", line)
        line = re.sub(r"\*\*([^*]+)\*\*", r"**\1**", line)
        line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`_", line)
        # reStructuredText wants a blank line around a nested list
        if line.startswith("  - ") and not nested:
            nested = True
            if lines and lines[-1].strip():
                lines.append("")
        elif nested and line.strip() and not line.startswith("    "):
            if not line.startswith("  - "):
                nested = False
                if lines and lines[-1].strip():
                    lines.append("")
        elif not line.strip():
            nested = False
        following = source[index + 1 : index + 3]
        if (
            line.endswith(":")
            and not line.endswith("::")
            and len(following) == 2
            and not following[0].strip()
            and following[1].startswith("    ")
        ):
            line += ":"
            literal = True
        lines.append(line)
    return "\n".join(lines)


def build(module):
    manifest = ast.literal_eval((module / "__manifest__.py").read_text())
    title = manifest["name"]
    out = ["=" * len(title) * 2, title, "=" * len(title) * 2, ""]
    out += [
        f".. |license| image:: https://img.shields.io/badge/licence-{manifest['license']}-blue.png",
        f"   :alt: License: {manifest['license']}",
        "",
        "|license|",
        "",
    ]
    body = False
    for filename, heading in SECTIONS:
        fragment = module / "readme" / filename
        if not fragment.exists():
            continue
        if heading:
            if not body:
                out += ["**Table of contents**", "", ".. contents::", "   :local:", ""]
                body = True
            out += [heading, "=" * len(heading) * 2, ""]
        out += [md_to_rst(fragment.read_text(encoding="utf-8")), ""]
    out += [
        "Authors",
        "=" * 14,
        "",
        f"* {manifest['author']}",
        "",
        "Licence",
        "=" * 14,
        "",
        f"{manifest['license']}. See the LICENSE of the repository.",
        "",
    ]
    text = "\n".join(out)
    target = module / "README.rst"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
        return True
    return False


def main(argv):
    root = Path(__file__).resolve().parent.parent
    modules = [Path(a) for a in argv] or sorted(
        p.parent for p in root.glob("addons/*/__manifest__.py")
    )
    changed = [str(m) for m in modules if build(m)]
    for name in changed:
        print(f"rewrote {name}/README.rst")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
