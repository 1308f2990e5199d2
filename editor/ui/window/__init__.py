"""The main window (menus, toolbar, layout, status bar), its actions, the controllers it hands file handling, review navigation and alignment jobs to, and the recent-files menu."""
