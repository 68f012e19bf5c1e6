"""Style of the HTML report: the colour palette and the CSS, every selector scoped to
``.nl-compare`` so the fragment can be embedded in any page (the web app does)."""

from __future__ import annotations

__all__ = ["ADDED", "CHANGED", "CHANGED_MARK", "CSS", "KIND_COLORS", "OMITTED", "STRUCT", "tint"]

#: Colour of each link kind: Okabe-Ito hues (colour-blind friendly), darkened so that each one
#: reaches WCAG AA contrast (>= 4.5:1) as text on white and under white text. The kind is also
#: always written out in words next to the colour.
KIND_COLORS: dict[str, str] = {
    "verbatim": "#0072B2",  # blue
    "edit": "#007A5E",  # bluish green
    "paraphrase": "#A35F00",  # orange
    "translation": "#6B3FA0",  # violet
}

ADDED = "#B0007A"  # magenta, dashed outline
OMITTED = "#666666"
CHANGED = "#B83C00"  # dark vermillion
CHANGED_MARK = "#FFE27A"
STRUCT = "#767676"


def tint(color: str, share: float) -> str:
    """``color`` mixed with white (``share`` of the colour), as #rrggbb."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def _css() -> str:
    rules: list[str] = [
        ".nl-compare{display:block;box-sizing:border-box;max-width:1440px;margin:0 auto;padding:16px 20px 32px;"
        "background:#fff;color:#1b1b1b;font:15px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
        "'Helvetica Neue',Arial,sans-serif;text-align:left;-webkit-text-size-adjust:100%;"
        "print-color-adjust:exact;-webkit-print-color-adjust:exact}",
        ".nl-compare *,.nl-compare *::before,.nl-compare *::after{box-sizing:border-box}",
        ".nl-compare h2,.nl-compare h3,.nl-compare h4,.nl-compare p,.nl-compare ul,.nl-compare ol,"
        ".nl-compare dl,.nl-compare dd,.nl-compare table{margin:0;padding:0}",
        ".nl-compare h2{font-size:1.45em;line-height:1.25;font-weight:700}",
        ".nl-compare h3{font-size:1.1em;line-height:1.3;font-weight:700}",
        ".nl-compare a{color:#0b57a4}",
        ".nl-compare .nl-muted{color:#555}",
        ".nl-compare .nl-nowrap{white-space:nowrap}",
        # header
        ".nl-compare .nl-head{border:1px solid #d6d6d6;border-radius:8px;padding:14px 16px;margin:0 0 14px;background:#fafafa}",
        ".nl-compare .nl-kicker{font-size:.78em;text-transform:uppercase;letter-spacing:.06em;color:#555;margin:0 0 2px}",
        ".nl-compare .nl-expl{margin:8px 0 0;font-size:1.02em}",
        ".nl-compare .nl-stats{display:flex;flex-wrap:wrap;gap:8px 12px;margin:12px 0 0}",
        ".nl-compare .nl-stat{border:1px solid #d6d6d6;background:#fff;border-radius:6px;padding:6px 10px;min-width:0;flex:1 1 180px}",
        ".nl-compare .nl-stat dt{font-size:.75em;text-transform:uppercase;letter-spacing:.05em;color:#555}",
        ".nl-compare .nl-stat dd{font-size:.95em}",
        ".nl-compare .nl-big{font-size:1.35em;font-weight:700;line-height:1.2}",
        ".nl-compare .nl-why{margin:10px 0 0;font-size:.92em;color:#333}",
        ".nl-compare .nl-why ul{margin:2px 0 0 1.2em}",
        # legend
        ".nl-compare .nl-legend{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;margin:0 0 16px;"
        "padding:8px 12px;border:1px solid #e2e2e2;border-radius:8px;font-size:.88em}",
        ".nl-compare .nl-legend>span{display:inline-flex;align-items:center;gap:6px}",
        ".nl-compare .nl-legend-title{font-weight:700}",
        ".nl-compare .nl-sw{display:inline-block;width:1.1em;height:1.1em;border-radius:3px;vertical-align:-.15em}",
        # columns
        ".nl-compare .nl-cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;align-items:start}",
        ".nl-compare .nl-side{border:1px solid #d6d6d6;border-radius:8px;padding:12px 14px;min-width:0;background:#fff}",
        ".nl-compare .nl-side-head{border-bottom:1px solid #e2e2e2;padding:0 0 8px;margin:0 0 10px}",
        ".nl-compare .nl-side-letter{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;"
        "background:#1b1b1b;color:#fff;font-weight:700;margin-right:6px;padding:0 4px}",
        ".nl-compare .nl-meta{font-size:.82em;color:#555;margin:4px 0 0;overflow-wrap:anywhere}",
        ".nl-compare .nl-para{margin:0 0 .85em;overflow-wrap:anywhere}",
        ".nl-compare .nl-para:last-child{margin-bottom:0}",
        # sentences
        ".nl-compare .nl-s{padding:1px 3px;border-radius:3px;-webkit-box-decoration-break:clone;"
        "box-decoration-break:clone;scroll-margin-top:40vh}",
        ".nl-compare .nl-s:target{outline:3px solid #1b1b1b;outline-offset:1px;box-shadow:0 0 0 6px #ffd84d}",
        ".nl-compare .nl-lab{display:inline;font-size:.68em;font-weight:700;letter-spacing:.04em;"
        "text-transform:uppercase;line-height:1.45;padding:0 .4em;border-radius:3px;margin:0 .3em 0 0;"
        "vertical-align:.12em;white-space:nowrap;text-decoration:none}",
        ".nl-compare .nl-badge{display:inline;white-space:nowrap;font-size:.72em;"
        "font-weight:700;line-height:1.5;padding:.05em .5em;margin:0 .3em 0 0;border-radius:999px;color:#fff;"
        "text-decoration:none;vertical-align:.1em;background:#444}",
        ".nl-compare a.nl-badge:hover,.nl-compare a.nl-badge:focus{outline:2px solid #1b1b1b;outline-offset:1px}",
        ".nl-compare .nl-kindlab{background:#fff;border:1px solid currentColor}",
        # structure lines: not part of the comparison
        ".nl-compare .nl-struct{display:block;margin:0 0 .35em;padding:2px 8px;color:#4a4a4a;"
        f"border-left:4px double {STRUCT};background:repeating-linear-gradient(135deg,#f4f4f4 0 6px,#fbfbfb 6px 12px)}}",
        ".nl-compare .nl-struct-sample{display:inline-block;margin:0;padding:2px 6px}.nl-compare .nl-struct .nl-lab{color:#4a4a4a;border:1px dashed #8a8a8a;background:#fff}",
        ".nl-compare .nl-role-headline .nl-t{font-size:1.18em;font-weight:700;line-height:1.3}",
        ".nl-compare .nl-role-subheading .nl-t{font-weight:700}",
        ".nl-compare .nl-role-dateline .nl-t,.nl-compare .nl-role-agency .nl-t,.nl-compare .nl-role-byline .nl-t"
        "{font-variant:small-caps;letter-spacing:.03em}",
        # added / omitted / changed
        f".nl-compare .nl-added{{border:2px dashed {ADDED};background:{tint(ADDED, 0.06)}}}",
        f".nl-compare .nl-lab-added{{background:{ADDED};color:#fff}}",
        ".nl-compare .nl-omitted{color:#5e5e5e;background:#f1f1f1}",
        f".nl-compare .nl-omitted .nl-t{{text-decoration:line-through;text-decoration-color:{OMITTED};"
        "text-decoration-thickness:1px}",
        f".nl-compare .nl-lab-omitted{{background:{OMITTED};color:#fff}}",
        ".nl-compare .nl-only{border:2px dotted #5e5e5e;background:#fafafa}",
        ".nl-compare .nl-lab-only{background:#5e5e5e;color:#fff}",
        f".nl-compare .nl-partial{{border:2px dotted {ADDED};background:#fff}}",
        f".nl-compare .nl-lab-partial{{background:#fff;color:{ADDED};border:1px solid {ADDED}}}",
        f".nl-compare mark.nl-new{{background:{tint(ADDED, 0.14)};color:#1b1b1b;padding:0 1px;"
        f"text-decoration:underline wavy {ADDED};text-decoration-thickness:1px;text-underline-offset:3px}}",
        f".nl-compare .nl-lab-changed{{background:{CHANGED};color:#fff}}",
        f".nl-compare .nl-changed{{box-shadow:inset 0 -2px 0 {CHANGED}}}",
        f".nl-compare mark.nl-chg{{background:{CHANGED_MARK};color:#1b1b1b;padding:0 2px;border-radius:2px;"
        f"border-bottom:2px solid {CHANGED};font-weight:600}}",
        ".nl-compare .nl-unlinked{background:#fff}",
        # tables and lists
        ".nl-compare .nl-sec{margin:18px 0 0;border:1px solid #d6d6d6;border-radius:8px;padding:0 14px}",
        ".nl-compare .nl-sec>summary{cursor:pointer;padding:10px 0;font-weight:700;list-style-position:inside}",
        ".nl-compare .nl-sec>summary h3{display:inline;font-size:1.05em}",
        ".nl-compare .nl-sec[open]>summary{border-bottom:1px solid #e2e2e2;margin-bottom:10px}",
        ".nl-compare .nl-sec-body{padding:0 0 14px}",
        ".nl-compare .nl-table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.93em}",
        ".nl-compare .nl-table th,.nl-compare .nl-table td{border-bottom:1px solid #e2e2e2;padding:6px 8px;"
        "vertical-align:top;text-align:left;overflow-wrap:anywhere}",
        ".nl-compare .nl-table thead th{font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:#555;"
        "border-bottom:2px solid #cfcfcf}",
        ".nl-compare .nl-table .nl-col-n{width:3.2em}",
        ".nl-compare .nl-table .nl-col-how{width:9.5em}",
        ".nl-compare .nl-cell-lab{display:none}",
        ".nl-compare .nl-list{list-style:none;margin:0;padding:0}",
        ".nl-compare .nl-list li{padding:5px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}",
        ".nl-compare .nl-list li:last-child{border-bottom:0}",
        ".nl-compare .nl-ref{font-size:.85em;margin-right:6px;white-space:nowrap}",
        ".nl-compare .nl-from{color:#444}",
        ".nl-compare .nl-arrow{color:#555;padding:0 4px}",
        ".nl-compare .nl-empty{color:#555;font-style:italic}",
        ".nl-compare .nl-subh{font-size:.95em;margin:12px 0 4px}",
        ".nl-compare .nl-subh:first-child{margin-top:0}",
        # phone: stack the columns, turn the table rows into blocks
        "@media (max-width:760px){"
        ".nl-compare{padding:10px 10px 24px;font-size:15px}"
        ".nl-compare .nl-cols{grid-template-columns:minmax(0,1fr);gap:14px}"
        ".nl-compare .nl-side{padding:10px}"
        ".nl-compare .nl-stat{flex:1 1 140px}"
        ".nl-compare .nl-table thead{display:none}"
        ".nl-compare .nl-table,.nl-compare .nl-table tbody,.nl-compare .nl-table tr,.nl-compare .nl-table td,"
        ".nl-compare .nl-table th{display:block;width:auto}"
        ".nl-compare .nl-table tr{border-bottom:2px solid #cfcfcf;padding:4px 0}"
        ".nl-compare .nl-table td,.nl-compare .nl-table th{border-bottom:0;padding:3px 2px}"
        ".nl-compare .nl-cell-lab{display:inline;font-weight:700;margin-right:6px}"
        "}",
    ]
    for kind, color in KIND_COLORS.items():
        rules.append(
            f".nl-compare .nl-k-{kind}{{background:{tint(color, 0.16)};border-bottom:2px solid {color}}}"
            f".nl-compare .nl-bk-{kind}{{background:{color}}}"
            f".nl-compare .nl-tk-{kind}{{color:{color}}}"
            f".nl-compare .nl-sw-{kind}{{background:{tint(color, 0.16)};border:2px solid {color}}}"
        )
    return "".join(rules)


CSS = _css()
