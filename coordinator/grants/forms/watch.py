from django import forms


class WatchForm(forms.Form):
    """The Bevaka button: start or stop watching (the view knows who)."""

    action = forms.ChoiceField(choices=[("watch", "watch"), ("unwatch", "unwatch")])
