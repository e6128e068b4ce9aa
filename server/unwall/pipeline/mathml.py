"""Part of the normalize step: MathML becomes linear text.

The sanitizer never lets MathML through (its namespace switches are a known
source of mutation XSS), so a formula used to vanish and leave "the solutions
are" and nothing. Written out linearly, as one would type it ("x = (−b ± √(b^2
− 4ac))/(2a)"), it stays readable and is plain text to every later stage.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

# Elements whose text is what they show.
_TOKENS = frozenset({"mi", "mn", "mo", "mtext", "ms", "mglyph"})
# Never shown: a phantom reserves space, an annotation is for other software.
_SILENT = frozenset({"mphantom", "annotation", "annotation-xml", "none", "mprescripts"})
_SPACED_OPERATORS = frozenset("=<>≤≥≠≈±∓+−-×÷→←↔⇒⇔∈∉⊂⊆∪∩")
# MathJax and KaTeX show a formula as their own markup (glyphs drawn by CSS, no
# text) and keep the MathML beside it for screen readers; the whole wrapper is
# the formula. (Readability also drops MathJax's wrapper, whose class
# "CtxtMenu_Attached" reads as a menu.)
_RENDERER_TAGS = frozenset({"mjx-container"})
_RENDERER_CLASSES = frozenset({"katex", "katex-display", "mathjax", "mathjax_display", "mathjax_preview"})


def linearize_math(root: HtmlElement) -> None:
    """Replace every outermost `<math>` in `root` with its linear text."""
    for math in list(root.iter("math")):
        if math.getparent() is None or any(a.tag == "math" for a in math.iterancestors()):
            continue
        text = (math.get("alttext") or "").strip() or " ".join(_linear(math).split())
        block = (math.get("display") or "").lower() == "block"
        replacement = math.makeelement("p" if block else "span", {})
        wrapper = _renderer_wrapper(math)
        replaced = wrapper if wrapper is not None else math
        replacement.text = text
        # A rendered formula is an inline box with margins: '…= 0</mjx-container>and'
        # reads 'and' apart on screen, so the text needs the space the box gave.
        tail = replaced.tail or ""
        replacement.tail = " " + tail if tail[:1].isalnum() else tail
        parent = replaced.getparent()
        if parent is not None:
            previous = replaced.getprevious()
            before = (previous.tail if previous is not None else parent.text) or ""
            if before[-1:].isalnum():
                replacement.text = " " + text
            parent.replace(replaced, replacement)


def _renderer_wrapper(math: HtmlElement) -> HtmlElement | None:
    """The outermost MathJax or KaTeX element around `math`, if any."""
    found = None
    for ancestor in math.iterancestors():
        classes = {token.lower() for token in (ancestor.get("class") or "").split()}
        if ancestor.tag in _RENDERER_TAGS or not classes.isdisjoint(_RENDERER_CLASSES):
            found = ancestor
        elif ancestor.tag in {"p", "div", "li", "td", "body", "section", "article"}:
            break
    return found


def _linear(element: HtmlElement) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SILENT or not tag:
        return ""
    if tag in _TOKENS:
        text = " ".join(str(element.text_content() or "").split())
        return f" {text} " if tag == "mo" and text in _SPACED_OPERATORS else text
    children = [child for child in element if isinstance(child.tag, str) and child.tag not in _SILENT]
    layout = _LAYOUTS.get(tag)
    if layout is not None and children:
        return layout([_linear(child) for child in children], element)
    if tag == "semantics":
        return _linear(children[0]) if children else ""
    return "".join(_linear(child) for child in children)


def _group(text: str) -> str:
    """Parenthesized when it is more than one symbol: 'b^2', 'x^10', but
    '(n + 1)^2' and '1/(2a)'."""
    text = text.strip()
    if len(text) <= 1 or text.isdigit() or (text.startswith("(") and text.endswith(")")):
        return text
    return f"({text})"


def _script(parts: list[str], first: str, second: str | None = None) -> str:
    text = _group(parts[0]) + first + _group(parts[1]) if len(parts) > 1 else parts[0]
    if second is not None and len(parts) > 2:
        text += second + _group(parts[2])
    return text


def _fenced(parts: list[str], element: HtmlElement) -> str:
    separator = (element.get("separators") or ",").strip()[:1] or ","
    opening, closing = element.get("open", "("), element.get("close", ")")
    return str(opening) + f"{separator} ".join(part.strip() for part in parts) + str(closing)


_LAYOUTS: dict[str, Callable[[list[str], HtmlElement], str]] = {
    "msup": lambda parts, _: _script(parts, "^"),
    "msub": lambda parts, _: _script(parts, "_"),
    "msubsup": lambda parts, _: _script(parts, "_", "^"),
    "munder": lambda parts, _: _script(parts, "_"),
    "mover": lambda parts, _: _script(parts, "^"),
    "munderover": lambda parts, _: _script(parts, "_", "^"),
    "mfrac": lambda parts, _: f"{_group(parts[0])}/{_group(parts[1])}" if len(parts) > 1 else parts[0],
    "msqrt": lambda parts, _: f"√{_group(''.join(parts))}",
    "mroot": lambda parts, _: f"{parts[1].strip()}√{_group(parts[0])}" if len(parts) > 1 else f"√{parts[0]}",
    "mfenced": _fenced,
    "mtable": lambda parts, _: "; ".join(part.strip() for part in parts),
    "mtr": lambda parts, _: "  ".join(part.strip() for part in parts),
    "mlabeledtr": lambda parts, _: "  ".join(part.strip() for part in parts[1:]),
}
