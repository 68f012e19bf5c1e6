"""Word lists per language: stopwords, agency names, number words, dates, negation, modality."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a about above after again against all also am an and any are as at be because been before being "
        "below between both but by can could did do does doing down during each few for from further had "
        "has have having he her here hers herself him himself his how i if in into is it its itself just "
        "me more most my myself no nor not now of off on once only or other our ours ourselves out over own "
        "same she should so some such than that the their theirs them themselves then there these they this "
        "those through to too under until up very was we were what when where which while who whom why will "
        "with would you your yours yourself yourselves said says say told according would also however "
        "one two new last since still already while them its it's"
    ),
    "de": _words(
        "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf "
        "aus bei bin bis bist da damit dann das dass daß dem den denn der des dessen die dies diese diesem diesen "
        "dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas für gegen gewesen hab habe "
        "haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem "
        "ins ist jede jedem jeden jeder jedes jene jetzt kann kein keine können könnte machen man manche mein mich "
        "mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie "
        "sind so solche soll sollte sondern sonst über um und uns unter vom von vor war waren warum was weil welche "
        "wenn wer werde werden wie wieder will wir wird wo wollen würde würden zu zum zur zwar zwischen sagte hieß "
        "heißt laut sei seien wurde wurden worden"
    ),
    "fr": _words(
        "au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me même mes moi mon ne "
        "nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous "
        "été être avoir a ont est sont était cette cet plus selon aussi entre lors après avant"
    ),
    "es": _words(
        "a al algo con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa "
        "ese eso esta este esto fue ha han hasta la las le les lo los más me mi mientras muy no nos o otra otro "
        "para pero por que quien se sea ser si sin sobre son su sus también te tiene un una uno y ya según dijo"
    ),
    "it": _words(
        "a ad al alla alle anche che chi con da dal dalla dei del della delle di e è gli ha hanno i il in la le "
        "lo ma ne nei nel nella non o per più se si sono su sua suo sue suoi tra un una uno secondo"
    ),
    "nl": _words(
        "aan al alle als bij dan dat de deze die dit door een en er had heeft het hij hoe in is je maar met na naar "
        "niet nog of om omdat ook op over te tot uit van voor want was wat we werd wij zal ze zich zij zijn"
    ),
    "pt": _words(
        "a ao aos as com como da das de do dos e ela ele em entre era essa esse esta este foi há isso já mais mas "
        "na nas no nos não o os ou para pela pelo por que se sem ser seu sua são também um uma segundo disse"
    ),
}

#: News agencies whose name appears as a tag line or in an inline dateline ("Berlin (dpa) -").
AGENCIES: frozenset[str] = frozenset(
    a.lower()
    for a in (
        "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse", "Reuters", "DPA",
        "dpa-AFX", "UPI", "ANSA", "EFE", "KNA", "epd", "APA", "SDA", "Keystone-SDA", "Xinhua", "TASS", "RIA",
        "RIA Novosti", "Interfax", "PA", "PA Media", "ANP", "Belga", "CTK", "PAP", "Kyodo", "Yonhap", "AA",
        "Anadolu", "Bloomberg", "CNA", "Europa Press", "Lusa", "NTB", "TT", "Ritzau", "STT", "MTI", "ATS",
        "dts", "ddp", "AP/dpa", "dpa/AFP", "AFP/dpa", "Reuters/dpa", "dpa/Reuters", "AP/Reuters",
        "CNN", "CNN Wire", "The CNN Wire", "The-CNN-Wire", "PA News", "Press Association", "EPA", "AP-Yonhap",
    )
)

#: Cardinal number words -> value, across languages (numbers are compared by value).
NUMBER_WORDS: dict[str, float] = {}
for _lang_words in (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty",
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
    "sechzehn siebzehn achtzehn neunzehn zwanzig",
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf vingt",
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte",
):
    for _value, _word in enumerate(_lang_words.split()):
        NUMBER_WORDS.setdefault(_word, float(_value))
NUMBER_WORDS.update(
    {
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 12,
        "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "tausend": 1000, "ein": 1, "eine": 1,
        "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "beiden": 2, "beide": 2, "both": 2,
        "une": 1, "trente": 30, "cent": 100, "mille": 1000, "una": 1, "treinta": 30, "cien": 100, "mil": 1000,
    }
)
# Articles that double as "one" make poor evidence of a changed number; they are matched only
# against explicit numerals on the other side (see align/facts.py).
WEAK_NUMBER_WORDS: frozenset[str] = frozenset(
    {"one", "ein", "eine", "einen", "einem", "einer", "un", "une", "uno", "una", "both", "beide", "beiden"}
)

#: Scale words: "2 million" = 2e6.
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "tausend": 1e3, "million.": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "milliarde": 1e9,
    "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion(en)": 1e12, "mille": 1e3, "milliard": 1e9,
    "milliards": 1e9, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "k": 1e3, "m": 1e6, "bn": 1e9,
}

#: Weekday names -> 0 (Monday) .. 6 (Sunday), across languages.
WEEKDAYS: dict[str, int] = {}
for _names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
):
    for _i, _name in enumerate(_names.split()):
        WEEKDAYS[_name] = _i
WEEKDAYS["sonnabend"] = 5

#: Month names -> 1..12, across languages (abbreviations with a dot included).
MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _i, _name in enumerate(_names.split(), start=1):
        MONTHS[_name] = _i
for _abbr, _i in (("jan.", 1), ("feb.", 2), ("aug.", 8), ("sept.", 9), ("sep.", 9), ("oct.", 10), ("nov.", 11), ("dec.", 12), ("jänner", 1)):
    MONTHS[_abbr] = _i
# "may" is far more often the modal verb than the month in English; it counts as a month only
# when followed by a day number or preceded by "in/early/late/mid" (see align/facts.py).
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "mars"})

#: Relative day words -> offset in days.
RELATIVE_DAYS: dict[str, int] = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "gestern": -1, "heute": 0, "morgen": 1,
    "hier": -1, "aujourd'hui": 0, "demain": 1, "ayer": -1, "hoy": 0, "mañana": 1,
}

#: Negation cues (word level). "n't" is handled by the tokenizer.
NEGATIONS: frozenset[str] = _words(
    "not no never none nobody nothing neither nor without n't cannot "
    "nicht kein keine keinen keinem keiner keines nie niemals niemand nichts weder ohne "
    "ne pas jamais aucun aucune personne rien sans "
    "no nunca nadie nada ningún ninguna ninguno tampoco sin "
    "non mai nessuno niente senza niet geen nooit nergens"
)

#: Modality: possibility / hedging versus necessity / certainty.
MODALS_POSSIBILITY: frozenset[str] = _words(
    "may might could possibly perhaps maybe likely unlikely reportedly allegedly "
    "kann könnte könnten möglicherweise vielleicht wohl angeblich "
    "pourrait pourraient peut-être puede podría podrían quizá quizás potrebbe forse"
)
MODALS_NECESSITY: frozenset[str] = _words(
    "must will shall definitely certainly "
    "muss müssen wird werden sicher doit doivent devra debe deben deberá deve devono"
)

# Capitals, countries, demonyms and common metonyms name the same actor in news copy
# ("Washington" for the US government); a swap inside one group is not a changed fact.
ACTOR_ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in [
        {"us", "u.s", "usa", "united states", "america", "american", "americans", "washington", "white house"},
        {"china", "chinese", "beijing", "peking"},
        {"russia", "russian", "moscow", "kremlin"},
        {"uk", "britain", "british", "united kingdom", "london", "downing street", "britiain"},
        {"germany", "german", "berlin", "deutschland"},
        {"france", "french", "paris", "elysee", "élysée"},
        {"ukraine", "ukrainian", "kyiv", "kiev"},
        {"japan", "japanese", "tokyo"},
        {"eu", "european union", "brussels"},
        {"israel", "israeli", "jerusalem"},
        {"iran", "iranian", "tehran"},
        {"india", "indian", "new delhi", "delhi"},
        {"taiwan", "taiwanese", "taipei"},
    ]
)
#: Alias group number of each name (lower case).
ALIAS_GROUP: dict[str, int] = {name: i for i, group in enumerate(ACTOR_ALIASES) for name in group}
