# Enum members run __init__ while the class is still being built.
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self._radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self._radius * self._radius), 2)


def f():
    return [p.gravity for p in Planet]
