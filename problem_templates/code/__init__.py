"""Code templates: one file per template, each registered with @register."""
