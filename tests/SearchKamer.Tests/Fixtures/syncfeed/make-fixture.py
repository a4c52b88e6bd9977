#!/usr/bin/env python3
"""Writes entities.xml and resources.tsv for the fake SyncFeed server from the gold metadata and the
bundled corpus. Run from this folder: python3 make-fixture.py. See README.md for what is real."""
import json, os
from xml.sax.saxutils import escape

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
gold = json.load(open(os.path.join(ROOT, 'tests/SearchKamer.Tests/Fixtures/gold/answers-gold.json'), encoding='utf-8'))

def sid(kind, n):
    # Synthetic GUIDs: the real Zaak/actor/person GUIDs of these documents are not in the corpus.
    prefix = {'zaak': '5a', 'zaakactor': '5b', 'persoon': '5c', 'fractie': '5d', 'document': '5e'}[kind]
    return f'{prefix}000000-0000-4000-8000-{n:012d}'

entities = []  # (category, xml)
resources = []  # (guid, corpus path, content type)
fracties, personen = {}, {}

def field(name, value):
    if value is None:
        return f'<{name} xsi:nil="true"/>'
    return f'<{name}>{escape(str(value))}</{name}>'

def fractie(afk):
    if afk not in fracties:
        fracties[afk] = sid('fractie', len(fracties) + 1)
        entities.append(('Fractie', f'<fractie id="{fracties[afk]}" tk:bijgewerkt="2024-01-01T00:00:00Z" tk:verwijderd="false">'
                         f'{field("afkorting", afk)}{field("naamNL", None)}</fractie>'))
    return fracties[afk]

def persoon(name):
    if name not in personen:
        personen[name] = sid('persoon', len(personen) + 1)
        entities.append(('Persoon', f'<persoon id="{personen[name]}" tk:bijgewerkt="2024-01-01T00:00:00Z" tk:verwijderd="false">'
                         f'{field("initialen", None)}{field("tussenvoegsel", None)}{field("achternaam", name)}</persoon>'))
    return personen[name]

actor_n = 0
def zaak(n, nummer, onderwerp, gestart, askers, addressees, soort='Schriftelijke vragen'):
    global actor_n
    zid = sid('zaak', n)
    entities.append(('Zaak', f'<zaak id="{zid}" tk:bijgewerkt="{gestart}T09:00:00Z" tk:verwijderd="false">'
                     f'{field("nummer", nummer)}{field("soort", soort)}{field("onderwerp", onderwerp)}'
                     f'{field("gestartOp", gestart + "T00:00:00+01:00")}{field("afgedaan", "false")}</zaak>'))
    for i, (name, party) in enumerate(askers):
        actor_n += 1
        rel = 'Indiener' if i == 0 else 'Medeindiener'
        entities.append(('ZaakActor', f'<zaakActor id="{sid("zaakactor", actor_n)}" tk:bijgewerkt="{gestart}T09:00:00Z" tk:verwijderd="false">'
                         f'{field("actorNaam", name)}{field("actorFractie", party)}{field("functie", "Tweede Kamerlid")}{field("relatie", rel)}'
                         f'<zaak ref="{zid}"/><persoon ref="{persoon(name)}"/><fractie ref="{fractie(party)}"/></zaakActor>'))
    for office in addressees:
        actor_n += 1
        functie = office[0].lower() + office[1:]
        entities.append(('ZaakActor', f'<zaakActor id="{sid("zaakactor", actor_n)}" tk:bijgewerkt="{gestart}T09:00:00Z" tk:verwijderd="false">'
                         f'{field("actorNaam", None)}{field("actorFractie", None)}{field("functie", functie)}{field("relatie", "Gericht aan")}'
                         f'<zaak ref="{zid}"/></zaakActor>'))
    return zid

def document(did, soort, nummer, onderwerp, datum, vj, aanhangsel, zid, path, ctype):
    size = os.path.getsize(os.path.join(ROOT, path))
    entities.append(('Document', f'<document id="{did}" tk:bijgewerkt="{datum}T12:00:00Z" tk:verwijderd="false" '
                     f'tk:contentType="{ctype}" tk:contentLength="{size}">'
                     f'{field("soort", soort)}{field("documentNummer", nummer)}{field("onderwerp", onderwerp)}'
                     f'{field("datum", datum + "T00:00:00+01:00")}{field("vergaderjaar", vj)}{field("aanhangselnummer", aanhangsel)}'
                     f'{field("volgnummer", -1)}<zaak ref="{zid}"/></document>'))
    resources.append((did, path, ctype))

KIND = {'antwoord': 'Antwoord schriftelijke vragen', 'mededeling': 'Mededeling'}
# Real ActorFractie where the printed party is a known misprint (gold party_note).
PARTY_FIX = {('1b0f0b98', 'Teunissen'): 'PvdD'}
for n, d in enumerate(gold['documents'], start=1):
    guid = d['file'][:-4]
    y1, y2 = d['vergaderjaar'].split('-')
    askers = [(a['name'], PARTY_FIX.get((guid[:8], a['name']), a['party'])) for a in d['askers']]
    zid = zaak(n, f'{d["date_submitted"][:4]}Z9{n:04d}', d['title'], d['date_submitted'], askers, d['addressees'])
    document(guid, KIND[d['kind']], f'{d["date_received"][:4]}D9{n:04d}', d['pdf_info_subject'], d['date_received'],
             d['vergaderjaar'], f'{y1[2:]}{y2[2:]}{d["aanhangselnummer"]:05d}', zid, f'index-data/corpus/pdf/{d["file"]}', 'application/pdf')

L = 'index-data/corpus/limburg/'
# 2024Z18792: question set answered one day later (texts and values from the Limburg files).
z = zaak(101, '2024Z18792', 'de ontkoppeling van ontwikkelingshulp', '2024-11-19', [('Boswijk', 'CDA')],
         ['Minister van Financiën', 'Minister voor Buitenlandse Handel en Ontwikkelingshulp'])
document(sid('document', 1), 'Schriftelijke vragen', '2024D90101', 'Vragen van het lid Boswijk over de ontkoppeling van ontwikkelingshulp',
         '2024-11-19', '2024-2025', None, z, L + 'De_ontkoppeling_van_ontwikkelingshulp.pdf.txt', 'text/plain')
document(sid('document', 2), 'Antwoord schriftelijke vragen', '2024D90102', 'Antwoord op vragen van het lid Boswijk over de ontkoppeling van ontwikkelingshulp',
         '2024-11-20', '2024-2025', None, z, L + 'Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt', 'text/plain')
# 2024Z18438: question set without an answer.
z = zaak(102, '2024Z18438', 'de faillissementen van steeds meer koplopers in onze circulaire economie', '2024-11-14',
         [('Sneller', 'D66'), ('Bamenga', 'D66'), ('Rooderkerk', 'D66'), ('Gabriëls', 'GroenLinks-PvdA')],
         ['Minister van Economische Zaken', 'Minister van Klimaat en Groene Groei', 'Staatssecretaris van Infrastructuur en Waterstaat'])
document(sid('document', 3), 'Schriftelijke vragen', '2024D90103', 'Vragen van de leden Sneller, Bamenga, Rooderkerk en Gabriëls over de faillissementen van steeds meer koplopers in onze circulaire economie',
         '2024-11-14', '2024-2025', None, z, L + 'De_faillissementen_van_steeds_meer_koplo.pdf.txt', 'text/plain')
# 2024Z17538: postponed (uitstel notice), no answer; the question text itself is not in the corpus.
z = zaak(103, '2024Z17538', 'de berichten dat Zeeuwse buffels te veel PFAS binnenkrijgen', '2024-11-06',
         [('Gabriëls', 'GroenLinks-PvdA'), ('Bromet', 'GroenLinks-PvdA')],
         ['Minister van Landbouw, Visserij, Voedselzekerheid en Natuur', 'Staatssecretaris van Infrastructuur en Waterstaat'])
document(sid('document', 4), 'Mededeling (uitstel antwoord)', '2024D90104', 'Uitstel beantwoording vragen van de leden Gabriëls en Bromet over de berichten dat Zeeuwse buffels te veel PFAS binnenkrijgen',
         '2024-11-20', '2024-2025', None, z, L + 'Uitstel_beantwoording_vragen_van_de_lede.docx.txt', 'text/plain')
# Noise the sync must pass over: a zaak and a document of other soorten.
entities.append(('Zaak', f'<zaak id="{sid("zaak", 900)}" tk:bijgewerkt="2024-11-20T09:00:00Z" tk:verwijderd="false">'
                 f'{field("nummer", "2024Z99900")}{field("soort", "Motie")}{field("onderwerp", None)}</zaak>'))
entities.append(('Document', f'<document id="{sid("document", 900)}" tk:bijgewerkt="2024-11-20T12:00:00Z" tk:verwijderd="false" '
                 f'tk:contentType="application/pdf" tk:contentLength="1000">{field("soort", "Motie")}{field("documentNummer", "2024D99900")}'
                 f'<zaak ref="{sid("zaak", 900)}"/></document>'))

order = ['Fractie', 'Persoon', 'Zaak', 'ZaakActor', 'Document']
with open('entities.xml', 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!-- Made from the documentation (tk-open-data.md §10), not captured. See README.md. -->\n')
    f.write('<entities xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
    for cat in order:
        for c, xml in entities:
            if c == cat:
                f.write(f'  {xml}\n')
    f.write('</entities>\n')
with open('resources.tsv', 'w', encoding='utf-8') as f:
    for guid, path, ctype in resources:
        f.write(f'{guid}\t{path}\t{ctype}\n')
