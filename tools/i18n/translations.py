#!/usr/bin/env python3
"""Adds translations to the UI's resx files from a TSV, so a new key is one row to fill in.

    python3 tools/i18n/translations.py apply [FILE.tsv] [--set Strings|MudStrings]
    python3 tools/i18n/translations.py export [--set Strings|MudStrings] > all.tsv

FILE defaults to artifacts/i18n/missing-translations.tsv, which the resource test
(ResourceTests.Every_key_used_in_the_app_has_a_text_in_English_Russian_Kazakh_and_Kyrgyz) writes when a key is
missing. Columns: key, en, ru, kk, ky (tab-separated; write a tab or a new line inside a text as \\t or \\n).
A row is applied only when en, ru, kk and ky are all filled in; rows with a gap are listed and skipped.
Entries are kept sorted by key, so helpers adding keys in parallel rarely touch the same lines.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "HelplineDashboard" / "Localization"
CULTURES = ["ru", "kk", "ky"]

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def path(resource_set, culture):
    return FOLDER / (f"{resource_set}.resx" if culture is None else f"{resource_set}.{culture}.resx")


def read(resource_set, culture):
    file = path(resource_set, culture)
    if not file.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(file).getroot().findall("data")}


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write(resource_set, culture, entries):
    lines = [HEADER]
    for key in sorted(entries, key=lambda k: k.encode("utf-16-be")):  # ordinal, as .NET sorts
        lines.append(f'  <data name="{escape(key)}" xml:space="preserve">\n    <value>{escape(entries[key])}</value>\n  </data>\n')
    lines.append("</root>\n")
    path(resource_set, culture).write_text("".join(lines), encoding="utf-8")


def unescape(cell):
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(cell[i + 1], cell[i + 1]))
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def apply(tsv, resource_set):
    rows = [line.rstrip("\n").split("\t") for line in Path(tsv).read_text(encoding="utf-8").splitlines()]
    header, rows = rows[0], [r for r in rows[1:] if r and r[0]]
    if header[:5] != ["key", "en", "ru", "kk", "ky"]:
        sys.exit(f"{tsv}: the first line must be: key en ru kk ky (tab-separated)")
    sets = {c: read(resource_set, c) for c in [None] + CULTURES}
    applied, skipped = 0, []
    for row in rows:
        cells = [unescape(c) for c in row] + [""] * (5 - len(row))
        key, texts = cells[0], dict(zip([None] + CULTURES, cells[1:5]))
        if any(not t.strip() for t in texts.values()):
            skipped.append(key)
            continue
        for culture, text in texts.items():
            sets[culture][key] = text
        applied += 1
    for culture, entries in sets.items():
        write(resource_set, culture, entries)
    print(f"Applied {applied} keys to {resource_set}.resx and its {', '.join(CULTURES)} translations.")
    if skipped:
        print(f"Skipped {len(skipped)} rows with an empty column:")
        for key in skipped:
            print("  " + key)
        sys.exit(1)


def export(resource_set):
    sets = {c: read(resource_set, c) for c in [None] + CULTURES}
    print("key\ten\tru\tkk\tky")
    for key in sorted(sets[None], key=lambda k: k.encode("utf-16-be")):
        cells = [key] + [sets[c].get(key, "") for c in [None] + CULTURES]
        print("\t".join(c.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for c in cells))


def main(argv):
    resource_set = "Strings"
    if "--set" in argv:
        i = argv.index("--set")
        resource_set = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if not argv or argv[0] not in ("apply", "export"):
        sys.exit(__doc__)
    if argv[0] == "apply":
        apply(argv[1] if len(argv) > 1 else ROOT / "artifacts" / "i18n" / "missing-translations.tsv", resource_set)
    else:
        export(resource_set)


if __name__ == "__main__":
    main(sys.argv[1:])
