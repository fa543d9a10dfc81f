{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_agenda_files_error_title}}</h1>
<form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
{{>CSRF}}
{{>FIELD_LABEL}}
{{>FIELD_FILE}}
<button class="button button-secondary" type="submit">{{t_agenda_files_submit}}</button>
</form>
<p><a href="{{back}}">{{t_agenda_files_back}}</a></p>
