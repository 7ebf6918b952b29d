"""The cocom chat UI (Gradio). Import `app.ui.build_app`; nothing is built at import."""
