"""Adds or updates catalogue entries in both languages: python3 scripts/i18n-add.py < entries.json
where entries.json is {"key": ["English $PH$", "Français $PH$"], ...}. Placeholders ($NAME$) are
numbered in the order of their first appearance in the English text."""
import json, re, sys

entries = json.load(sys.stdin)
for lang, idx in (('en', 0), ('fr', 1)):
    path = f'public/_locales/{lang}/messages.json'
    data = json.load(open(path, encoding='utf-8'))
    for key, texts in entries.items():
        entry = {'message': texts[idx]}
        order = []
        for p in re.findall(r'\$([A-Z]+)\$', texts[0]):
            if p not in order:
                order.append(p)
        if order:
            entry['placeholders'] = {p.lower(): {'content': f'${i + 1}'} for i, p in enumerate(order)}
        data[key] = entry
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write('\n')
