"""Tiny corpus fixtures built in tmp_path: one file per format and per failure."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
REPO_ROOT = Path(__file__).resolve().parents[2]

GBK_TEXT = "关于做好高校毕业生就业工作的通知\n一、扩大就业岗位\n各地要落实吸纳就业补贴政策。"
BIG5_TEXT = "關於強化人才引領支撐的實施方案\n一、目標任務\n全年引聚青年人才達到十五萬人以上。"
UTF16_TEXT = "威海市人才住房补贴办法\n第一条 为吸引人才，制定本办法。"
BOM_TEXT = "海南省人才引进实施细则\n（一）申报条件\n具有本科以上学历。"


def make_pdf(path: Path, pages: list[list[str]], *, password: str | None = None) -> Path:
    """Write a PDF whose text layer holds ``pages`` (lines per page) in a CJK font."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), encrypt=password)
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * i, line)
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path) -> Path:
    """Write a Word file with paragraphs and a table."""
    document = docx.Document()
    document.add_paragraph("青岛市高层次人才认定办法")
    document.add_paragraph("一、认定标准")
    document.add_paragraph("符合条件的人才可申请认定。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "类别"
    table.cell(0, 1).text = "补贴金额"
    table.cell(1, 0).text = "A类人才"
    table.cell(1, 1).text = "每月5000元"
    document.add_paragraph("二、申报程序")
    document.add_paragraph("由用人单位统一申报。")
    document.save(str(path))
    return path


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>就业补贴政策</title>
<style>.x{color:red}</style><script>var menu = "首页导航脚本";</script></head>
<body><header><a href="/">网站首页</a></header>
<nav><ul><li>首页</li><li>政务公开</li><li>办事服务</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政策</div>
<div id="content"><h1>关于发放一次性就业补贴的通知</h1>
<p>一、补贴对象</p><p>招用高校毕业生的中小企业。</p>
<p>二、补贴标准</p><p>每人1000元。</p></div>
<footer>版权所有 联系我们</footer></body></html>"""


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """A corpus folder with every supported format and every failure we handle."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    (root / "big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (root / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (root / "bom.txt").write_bytes(BOM_TEXT.encode("utf-8-sig"))
    (root / "sub" / "copy_of_bom.txt").write_bytes(BOM_TEXT.encode("utf-8"))
    (root / "notes.md").write_text("# 人才公寓申请指南\n\n**申请条件**：在本市就业。\n", "utf-8")
    (root / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    make_docx(root / "policy.docx")
    make_pdf(
        root / "two_pages.pdf",
        [["一、总则", "第一页的内容是人才政策。"], ["二、补贴标准", "第二页的内容是住房补贴。"]],
    )
    good = (root / "two_pages.pdf").read_bytes()
    (root / "truncated.pdf").write_bytes(good[: len(good) // 3])
    make_pdf(root / "locked.pdf", [["加密的内容"]], password="secret")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    (root / "manifest.csv").write_text(
        "file,title,issuer,date,region,url,valid_until\n"
        "gbk.txt,高校毕业生就业通知,某市人社局,2025年4月7日,青岛,https://example.org/a,2026-12-31\n",
        encoding="utf-8",
    )
    return root
