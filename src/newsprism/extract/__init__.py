"""Extract: what one article says, read from its one spaCy parse."""
