"""Text as read: located lines, paragraphs and sentences (`located`), display width (`width`)."""
