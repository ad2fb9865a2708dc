<!DOCTYPE html>
<!--
  Hand-written by `npm run new-platform`: a __NAME__ page with two items and their like buttons.
  TODO: rewrite it after the real markup (say which saved page or public code it imitates, with its
  date), keeping only what the detector needs and no copied content.
-->
<html lang="__LANG__">
<head><meta charset="utf-8"><title>__NAME__</title></head>
<body>
  <article data-item-id="1001">
    <p>First item</p>
    <button type="button" data-clickwork-template="like" aria-pressed="false" aria-label="Like"><span>♥</span></button>
  </article>
  <article data-item-id="1002">
    <p>Second item</p>
    <button type="button" data-clickwork-template="like" aria-pressed="false" aria-label="Like"><span>♥</span></button>
  </article>
</body>
</html>
