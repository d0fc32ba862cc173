"""Person-name comparison and the article's person registry."""

from __future__ import annotations

from syriakg.loaders.extract.coref import People, compatible, name_parts
from syriakg.loaders.extract.gazetteer import get_gazetteer


def test_name_parts_drop_particles_and_accents() -> None:
    assert name_parts("Bashar al-Assad") == ("bashar", "assad")
    assert name_parts("Staffan de Mistura") == ("staffan", "mistura")
    assert name_parts("Mevlüt Çavuşoğlu") == ("mevlut", "cavusoglu")


def test_compatible_names() -> None:
    assert compatible(("assad",), ("bashar", "assad"))
    assert compatible(("bashar", "assad"), ("bashar", "assad"))
    assert compatible(("recep", "erdogan"), ("recep", "tayyip", "erdogan"))
    assert compatible(("h", "mcmaster"), ("herbert", "mcmaster"))  # initial
    assert not compatible(("maher", "assad"), ("bashar", "assad"))  # another person, same surname
    assert not compatible(("lavrov",), ("putin",))


def test_people_registry() -> None:
    p = People(get_gazetteer())
    assert p.find("Bashar Assad") == "assad"  # gazetteer person, spelled without "al-"
    assert p.find("Maher al-Assad") is None
    assert p.find("Putin") == "putin"
    assert p.find("Ali Mamlouk") is None
    p.add("ali-mamlouk", "Ali Mamlouk")
    assert p.find("Mamlouk") == "ali-mamlouk"
    assert p.find("ông Mamlouk".split()[1]) == "ali-mamlouk"
    p.add("maher-al-assad", "Maher al-Assad")
    assert p.find("Assad") == "maher-al-assad"  # the latest one met in the article
