"""Report stage: the same comparison as JSON data, terminal text and a self-contained HTML page."""

from __future__ import annotations

from .html import render_comparison_fragment, render_comparison_page
from .jsondoc import COMPARE_SCHEMA, comparison_to_dict

__all__ = ["COMPARE_SCHEMA", "comparison_to_dict", "render_comparison_fragment", "render_comparison_page"]
