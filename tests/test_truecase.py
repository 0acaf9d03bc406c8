"""Truecasing one-case reports: words cased alone, then in the context of the names around them."""

from unmist.extract.truecase import truecase

PADDING = " THE ARMY SAID THE INVESTIGATION IS CONTINUING AND THAT MORE DETAILS WILL BE GIVEN LATER." * 3


def _cased(sentence: str) -> str:
    return truecase(sentence + PADDING)[: len(sentence)]


def test_a_name_word_that_is_also_english_is_cased_between_a_title_or_name_and_a_name():
    # 'oscar', 'diaz' and 'victor' are in the English lemma index (an award, a navigator, a winner)
    assert "archbishop Oscar Arnulfo Romero" in _cased("THE MURDER OF ARCHBISHOP OSCAR ARNULFO ROMERO WAS SOLVED.")
    assert "Maria Elena Diaz Perez" in _cased("THE JUDGE, MARIA ELENA DIAZ PEREZ, WAS KILLED.")


def test_english_words_next_to_names_stay_words():
    cased = _cased("GUERRILLAS ATTACKED USULUTAN AND WILL ATTACK SAN MIGUEL.")
    assert "attacked Usulutan" in cased and "will attack San Miguel" in cased
    assert "major Jairo Otalora" in _cased("THE VICTIM, MARRIED TO MAJOR JAIRO OTALORA, WAS SHOT.")


def test_known_groups_are_cased_as_the_knowledge_files_write_them():
    # 'taliban', 'shining' and 'path' are English words to the lemma index
    assert "The Taliban claimed" in _cased("THE TALIBAN CLAIMED THE ATTACK.")
    assert "Shining Path guerrillas" in _cased("SHINING PATH GUERRILLAS ATTACKED A POST.")
    assert "The Taliban claimed" in truecase("gunmen killed five people in kabul on monday. the taliban claimed it.")
    # a name that opens with a number ('the 19 April Movement', M-19): a group, which its date is no date of
    assert "the 19 April Movement (M-19)" in _cased("PIZARRO, FORMER LEADER OF THE 19 APRIL MOVEMENT (M-19), WAS KILLED.")


def test_a_given_name_is_a_name_and_the_family_name_after_it_too():
    # 'victor' and 'carlos' are English words to the lemma index, 'pizarro' a noun of it
    assert "peasants Victor Manuel Vasquez" in _cased("TROOPS MURDERED PEASANTS VICTOR MANUEL VASQUEZ AND TWO OTHERS.")
    assert "leader Carlos Pizarro was" in _cased("THE M-19 LEADER CARLOS PIZARRO WAS KILLED.")
    assert "Carlos said" in _cased("CARLOS SAID THE TROOPS LEFT.")  # a verb after the name stays a word


def test_a_short_bulletin_in_capitals_is_truecased_too():
    """An SMS-style alert is a line or two: 'IS' in it is the verb, not the Islamic State's initials."""
    assert truecase("GUNMEN KILLED 5 IN KABUL. POLICE SAY NO ONE IS IN CUSTODY.") == \
        "Gunmen killed 5 in Kabul. Police say no one is in custody."


def test_text_in_ordinary_case_is_left_alone():
    text = "Archbishop oscar Romero was killed in San Salvador. " * 5
    assert truecase(text) == text


def test_an_apposition_of_three_names_is_one_name():
    assert "wife, Stela Torrado De Otalora," in _cased("THE COMMANDER'S WIFE, STELA TORRADO DE OTALORA, WAS KILLED.")


def test_abbreviations_and_explained_acronyms():
    cased = _cased("FOLLOWING THE U.S. INVASION OF GRENADA, THE U.S. GOVERNMENT WAITED.")
    assert "the U.S. invasion" in cased and "the U.S. government" in cased  # no sentence starts after 'U.S.'
    # a translated name before its own language's acronym: the initials are the acronym's letters
    assert "the Guatemalan National Revolutionary Unity (URNG)" in _cased(
        "AN ATTACK BY THE GUATEMALAN NATIONAL REVOLUTIONARY UNITY (URNG) WAS REPORTED.")
    assert "Farabundo Marti National Liberation Front [FMLN]" in _cased(
        "FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] FIGHTERS ATTACKED.")
    assert "the people's revolutionary army [ERP]" in _cased("AND THE PEOPLE'S REVOLUTIONARY ARMY [ERP] ATTACKED.")

