"""The CSL styles claimgraph formats citations in, by name (a table the command line and the
plain citations read without loading the CSL machinery of :mod:`.csl`)."""

#: name -> (CSL file, locale, what is printed: the bibliography entry or the first note)
STYLES = {
    "apa": ("apa", "en-US", "bibliography"),
    "chicago": ("chicago-author-date", "en-US", "bibliography"),
    "chicago-notes": ("chicago-notes-bibliography", "en-US", "note"),
    "mla": ("modern-language-association", "en-US", "bibliography"),
    # Cite Them Right is a British guide: its dates read "3 August 2024", not "August 3, 2024"
    "harvard": ("harvard-cite-them-right", "en-GB", "bibliography"),
}
