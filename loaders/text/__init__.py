"""Decoded page -> `Article` (headline, body, captions, furniture, metadata) -> `Sentence`s.

* `furniture.build_article(raw)`: the page split into headline, lead, body
  spans, caption spans and furniture, with outlet, wire agency, author, photo
  credit and a header date as written.  Uses `markers` (whole-paragraph
  furniture), `credits` (photo credits), `bylines` and `sources_gazetteer`
  (outlets and agencies).
* `sentences.split_spans(text, begin, end)` / `split_article(article)`:
  Vietnamese sentence segmentation with exact offsets.
* `normalize.normalize(text)`: an NFC, whitespace-folded view for matching,
  with a map back to offsets of the stored text.
"""
