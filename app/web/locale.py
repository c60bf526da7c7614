"""Chinese for Gradio's own controls, whatever language the browser asks for.

Gradio picks its built-in strings ("Clear", "Copy message", "Like") from the
browser's locale. Its custom translations are merged over the built-in ones,
so giving the same Chinese strings for every locale Gradio ships makes its
buttons read the same for every visitor. The few labels Gradio writes in
English without translation are replaced in the page by
``app/web/static/chat.js``.

>>> sorted(gradio_translations()["fr"].items())[0]
('chatbot.cancel', '取消')
"""

from __future__ import annotations

import gradio as gr

# Every locale Gradio 6 ships a translation for (its frontend's lang/*.json);
# a browser locale outside this list falls back to "en", which is covered too.
GRADIO_LOCALES: tuple[str, ...] = (
    "ar", "ca", "ckb", "de", "en", "es", "et", "eu", "fa", "fi", "fr", "he", "hi", "id", "ja",
    "ko", "lt", "nb", "nl", "pl", "pt-BR", "pt", "ro", "ru", "sv", "ta", "th", "tr", "uk", "ur",
    "uz", "zh-CN", "zh-TW",
)

# Gradio's translation keys for the controls this page shows, in our words.
CHINESE: dict[str, str] = {
    "chatbot.clear": "清空对话",
    "chatbot.copy_message": "复制回答",
    "chatbot.copied_message": "已复制",
    "chatbot.like": "有帮助",
    "chatbot.dislike": "没帮助",
    "chatbot.retry": "重新回答",
    "chatbot.undo": "撤回",
    "chatbot.edit": "修改",
    "chatbot.submit": "发送",
    "chatbot.cancel": "取消",
    "common.clear": "清空",
    "common.loading": "加载中",
    "common.error": "出错了",
    "common.complete": "完成",
    "common.progress": "进度",
    "common.remove": "移除",
    "common.undo": "撤回",
    "status.queue_position": "排队中：第 {position} 位，共 {size} 位",
}


def gradio_translations() -> dict[str, dict[str, str]]:
    """``{locale: CHINESE}`` for every locale Gradio may choose."""
    return {locale: dict(CHINESE) for locale in GRADIO_LOCALES}


def chinese_everywhere() -> gr.I18n:
    """The ``i18n`` argument for :func:`gradio.mount_gradio_app`."""
    return gr.I18n(**gradio_translations())
