{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_rf_title}}</h1>
<h2>{{t_rf_step_attachments}}</h2>
<form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
{{>CSRF}}
{{>FIELD_FILE}}
<button class="button button-secondary" type="submit">{{t_rf_upload}}</button>
</form>
<p><a href="{{back}}">{{t_rf_back_to_attachments}}</a></p>
