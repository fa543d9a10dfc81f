{{%AUTOESCAPE context="HTML"}}<input type="hidden" name="csrf_token" value="{{csrf_token}}">
