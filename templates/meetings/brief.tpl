{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_brief_title}}: {{type_name}}</h1>
<p class="font-lead">{{t_brief_lead}}</p>
{{#SENT}}<p>{{t_brief_sent}}: {{sent}}</p>{{/SENT}}
{{#EDIT}}<form method="post" action="{{action}}" novalidate>
{{>CSRF}}
{{>FIELD_TEXT}}
<button class="button button-primary" type="submit">{{t_brief_save}}</button>
</form>{{/EDIT}}
{{#READ}}{{#EMPTY}}<p>{{t_brief_empty}}</p>{{/EMPTY}}{{#PARAGRAPH}}<p>{{line}}</p>
{{/PARAGRAPH}}{{/READ}}
<p><a href="{{agenda_href}}">{{t_agenda_title}}</a></p>
