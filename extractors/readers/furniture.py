"""Page furniture: a line that is only a page number (— 3 —, 3, 第 3 页 共 9 页, 3/9), printed by every
fixed-layout reader's pages and by text dumps of them; never part of a report's text."""

import regex

PAGE_NUMBER = regex.compile(r"^\s*(?:[-—－–]\s*\d+\s*[-—－–]|\d{1,4}|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                            r"|\d+\s*/\s*\d+)\s*$")
