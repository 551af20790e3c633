"""Fairer quiz items (issue 15; the rules are in fixtures/README.md). Items are edited in
place, not versioned: 24 statements get new words and 1 a new basic interest, and six
change places so each page of the quick quiz has one statement of each kind.

Existing attempts keep their answers: every answer stays linked to the same item (same area),
and a finished attempt's scores, code and matches were saved when it was finished, so its
results do not change. An unfinished attempt keeps the answers already given; an answer to a
reworded statement counts for the same area as before.

Counselor edits are kept: a statement is reworded only while its text is still the one we
shipped, and a quiz is put in the new order only while it holds exactly the shipped
statements. Reversing puts the old words and order back the same way.
"""

from django.db import migrations

# (old text, new text, old basic interest, new basic interest)
CHANGES = [
    ('Help a classmate understand a tricky problem', 'Tutor a younger student in math', 'Teaching/Education', 'Teaching/Education'),
    ('Alphabetize a big stack of name cards', 'Sort a big pile of photos into folders by date', 'Office Work', 'Office Work'),
    ('Make a new student feel welcome at school', 'Answer calls on a help line for teens', 'Social Service', 'Social Service'),
    ('Log every purchase a club makes', "Track a club's money in a spreadsheet", 'Accounting', 'Accounting'),
    ("Bandage someone's scraped knee", 'Learn first aid and treat a small cut', 'Health Care Service', 'Health Care Service'),
    ('Carry and stack heavy boxes', 'Put together a robot from a kit', 'Physical/Manual Labor', 'Engineering'),
    ('Make a beat using everyday objects', 'Make a beat by tapping on pots and cans', 'Music', 'Music'),
    ('Calm a scared dog at an animal shelter', 'Teach a group of kids a new game', 'Animal Service', 'Teaching/Education'),
    ('Keep score and stats for a sports team', 'Keep score and stats for a sports team', 'Mathematics/Statistics', 'Office Work'),
    ('Help a friend think through a tough choice', 'Plan games and fun for people at a senior center', 'Professional Advising', 'Social Service'),
    ('Clear fallen branches from a hiking trail', 'Pitch a tent and set up a campsite', 'Nature/Outdoors', 'Nature/Outdoors'),
    ('Help new club members find roles they enjoy', 'Help someone do stretches after they get hurt', 'Human Resources', 'Health Care Service'),
    ("Keep a record of volunteers' hours", 'Make a fair plan so every helper gets a turn', 'Human Resources', 'Human Resources'),
    ('Feed and care for animals on a farm', 'Repair a broken lamp so it lights up again', 'Animal Service', 'Mechanics/Electronics'),
    ('Test whether music helps people remember words', 'Find out if music helps people remember words', 'Social Science', 'Social Science'),
    ('Invent a new recipe and make it look great on the plate', 'Design a costume for a school play', 'Culinary Art', 'Applied Arts and Design'),
    ("Decide how to grow a club's savings", 'Start a small business selling crafts online', 'Finance', 'Business Initiatives'),
    ('Train to run a long-distance race', 'Build a skateboard ramp out of wood', 'Athletics', 'Construction/Woodwork'),
    ('Research the history of your neighborhood', 'Find out the history of your neighborhood', 'Humanities', 'Humanities'),
    ('Do funny voices for a puppet show', 'Perform in a comedy skit for your class', 'Performing Arts', 'Performing Arts'),
    ('Serve food at a community dinner', 'Care for little kids for an afternoon', 'Culinary Art', 'Personal Service'),
    ('Lead a sports team as captain', 'Be in charge of planning a school dance', 'Athletics', 'Management/Administration'),
    ('Organize a supply closet with labeled bins', 'Check the school paper for spelling mistakes', 'Office Work', 'Office Work'),
    ('Use a small bulldozer to move dirt', 'Fly a drone through an obstacle course', 'Transportation/Machine Operation', 'Transportation/Machine Operation'),
    ('Advise a shop on how to win customers', "Talk a local store into selling your club's shirts", 'Professional Advising', 'Sales'),
]

FULL_OLD = [
    'Fix a slipped chain on a bike',
    'Figure out why ice melts faster on metal',
    'Sculpt an animal out of clay',
    'Help a classmate understand a tricky problem',
    'Run your own snack stand at a game',
    'Alphabetize a big stack of name cards',
    'Build a wooden planter box',
    'Find tiny creatures living in pond water',
    'Sketch new designs for sneakers',
    'Make a new student feel welcome at school',
    'Sell tickets for a school show',
    'Log every purchase a club makes',
    'Use a small bulldozer to move dirt',
    'Discover how the body fights off germs',
    'Act out a scene with no script',
    "Bandage someone's scraped knee",
    'Give a speech that fires up a crowd',
    'Back up important files to keep them safe',
    'Carry and stack heavy boxes',
    'Research why some rumors spread so fast',
    'Make a beat using everyday objects',
    'Show visitors around your town',
    'Promote an event to draw a big crowd',
    'Make a budget for a class trip',
    'Keep watch at a big event so everyone stays safe',
    'Work out the rule behind a number pattern',
    'Plan the camera shots for a short film',
    'Calm a scared dog at an animal shelter',
    'Take charge of a group project',
    'Keep score and stats for a sports team',
    'Grow tomatoes from tiny seeds',
    'Find out why the sunset sky turns orange',
    'Write a short story with a twist ending',
    'Help a friend think through a tough choice',
    'Argue a case in a mock trial',
    'Keep a shared calendar up to date',
    'Clear fallen branches from a hiking trail',
    'Test how colored light changes plant growth',
    'Paint a scene from a dream',
    'Help new club members find roles they enjoy',
    'Gather signatures to change a school rule',
    "Keep a record of volunteers' hours",
    'Feed and care for animals on a farm',
    'Test whether music helps people remember words',
    'Invent a new recipe and make it look great on the plate',
    'Teach an older neighbor to video call',
    "Decide how to grow a club's savings",
    'Build a simple database of books',
    'Train to run a long-distance race',
    'Research the history of your neighborhood',
    'Do funny voices for a puppet show',
    'Serve food at a community dinner',
    'Lead a sports team as captain',
    'Organize a supply closet with labeled bins',
    'Build a model bridge that holds heavy weight',
    'Calculate the odds in a board game',
    'Design a poster for a movie you love',
    'Help two friends settle an argument',
    'Advise a shop on how to win customers',
    'Count and record cash from a fundraiser',
]
FULL_NEW = [
    'Fix a slipped chain on a bike',
    'Figure out why ice melts faster on metal',
    'Sculpt an animal out of clay',
    'Tutor a younger student in math',
    'Run your own snack stand at a game',
    'Sort a big pile of photos into folders by date',
    'Build a wooden planter box',
    'Find tiny creatures living in pond water',
    'Sketch new designs for sneakers',
    'Answer calls on a help line for teens',
    'Sell tickets for a school show',
    "Track a club's money in a spreadsheet",
    'Build a model bridge that holds heavy weight',
    'Discover how the body fights off germs',
    'Act out a scene with no script',
    'Learn first aid and treat a small cut',
    'Give a speech that fires up a crowd',
    'Back up important files to keep them safe',
    'Put together a robot from a kit',
    'Research why some rumors spread so fast',
    'Plan the camera shots for a short film',
    'Show visitors around your town',
    'Promote an event to draw a big crowd',
    'Make a budget for a class trip',
    'Keep watch at a big event so everyone stays safe',
    'Work out the rule behind a number pattern',
    'Make a beat by tapping on pots and cans',
    'Teach a group of kids a new game',
    'Take charge of a group project',
    'Keep score and stats for a sports team',
    'Grow tomatoes from tiny seeds',
    'Find out why the sunset sky turns orange',
    'Paint a scene from a dream',
    'Plan games and fun for people at a senior center',
    'Argue a case in a mock trial',
    'Keep a shared calendar up to date',
    'Pitch a tent and set up a campsite',
    'Test how colored light changes plant growth',
    'Write a short story with a twist ending',
    'Help someone do stretches after they get hurt',
    'Gather signatures to change a school rule',
    'Make a fair plan so every helper gets a turn',
    'Repair a broken lamp so it lights up again',
    'Find out if music helps people remember words',
    'Design a costume for a school play',
    'Teach an older neighbor to video call',
    'Start a small business selling crafts online',
    'Build a simple database of books',
    'Build a skateboard ramp out of wood',
    'Find out the history of your neighborhood',
    'Perform in a comedy skit for your class',
    'Care for little kids for an afternoon',
    'Be in charge of planning a school dance',
    'Check the school paper for spelling mistakes',
    'Fly a drone through an obstacle course',
    'Calculate the odds in a board game',
    'Design a poster for a movie you love',
    'Help two friends settle an argument',
    "Talk a local store into selling your club's shirts",
    'Count and record cash from a fundraiser',
]
QUICK_OLD = [
    'Fix a slipped chain on a bike',
    'Figure out why ice melts faster on metal',
    'Sculpt an animal out of clay',
    'Help a classmate understand a tricky problem',
    'Run your own snack stand at a game',
    'Alphabetize a big stack of name cards',
    'Build a wooden planter box',
    'Find tiny creatures living in pond water',
    'Sketch new designs for sneakers',
    'Make a new student feel welcome at school',
    'Sell tickets for a school show',
    'Log every purchase a club makes',
    'Discover how the body fights off germs',
    'Act out a scene with no script',
    "Bandage someone's scraped knee",
    'Give a speech that fires up a crowd',
    'Back up important files to keep them safe',
    'Make a beat using everyday objects',
    'Work out the rule behind a number pattern',
    'Calm a scared dog at an animal shelter',
    'Take charge of a group project',
    'Keep score and stats for a sports team',
    'Write a short story with a twist ending',
    'Clear fallen branches from a hiking trail',
    'Help new club members find roles they enjoy',
    'Gather signatures to change a school rule',
    "Keep a record of volunteers' hours",
    'Feed and care for animals on a farm',
    'Test whether music helps people remember words',
    'Build a model bridge that holds heavy weight',
]
QUICK_NEW = [
    'Fix a slipped chain on a bike',
    'Figure out why ice melts faster on metal',
    'Sculpt an animal out of clay',
    'Tutor a younger student in math',
    'Run your own snack stand at a game',
    'Sort a big pile of photos into folders by date',
    'Build a wooden planter box',
    'Find tiny creatures living in pond water',
    'Sketch new designs for sneakers',
    'Answer calls on a help line for teens',
    'Sell tickets for a school show',
    "Track a club's money in a spreadsheet",
    'Build a model bridge that holds heavy weight',
    'Discover how the body fights off germs',
    'Act out a scene with no script',
    'Learn first aid and treat a small cut',
    'Give a speech that fires up a crowd',
    'Back up important files to keep them safe',
    'Work out the rule behind a number pattern',
    'Make a beat by tapping on pots and cans',
    'Teach a group of kids a new game',
    'Take charge of a group project',
    'Keep score and stats for a sports team',
    'Pitch a tent and set up a campsite',
    'Write a short story with a twist ending',
    'Help someone do stretches after they get hurt',
    'Gather signatures to change a school rule',
    'Make a fair plan so every helper gets a turn',
    'Repair a broken lamp so it lights up again',
    'Find out if music helps people remember words',
]
ORDERS = {"interest-profiler": (FULL_OLD, FULL_NEW), "quick-interest-quiz": (QUICK_OLD, QUICK_NEW)}


def _apply(apps, *, forwards: bool):
    Assessment = apps.get_model("assessments", "Assessment")
    Item = apps.get_model("assessments", "Item")
    for slug, (old_order, new_order) in ORDERS.items():
        assessment = Assessment.objects.filter(slug=slug).first()
        if assessment is None:
            continue
        items = Item.objects.filter(assessment=assessment)
        for old_text, new_text, old_basic, new_basic in CHANGES:
            source, target = (old_text, new_text) if forwards else (new_text, old_text)
            basic = new_basic if forwards else old_basic
            items.filter(text=source).update(text=target, basic_interest=basic)
        wanted = new_order if forwards else old_order
        if sorted(items.values_list("text", flat=True)) != sorted(wanted):
            continue  # a counselor changed this quiz's statements: keep its order
        top = max(items.values_list("order", flat=True), default=0)
        for item in items:  # out of the way first: (assessment, order) is unique
            Item.objects.filter(pk=item.pk).update(order=item.order + top + len(wanted))
        for position, text in enumerate(wanted, start=1):
            items.filter(text=text).update(order=position)


def forwards(apps, schema_editor):
    _apply(apps, forwards=True)


def backwards(apps, schema_editor):
    _apply(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_nearly_flat_attempts")]

    operations = [migrations.RunPython(forwards, backwards)]
