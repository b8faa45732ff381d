"""What check kinds share: the check context and judgement wording (`common`), table cells
(`cells`), and the document text the document rules search (`doc_text`)."""
