{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}{{#NEW_TOKEN}}<div class="alert alert-success" role="status">
<div class="alert-body">
<h2 class="alert-heading">{{t_admin_tokens_shown_once_title}}</h2>
<p class="alert-text">{{t_admin_tokens_shown_once}}</p>
<p><code id="new-token">{{secret}}</code></p>
</div>
</div>
{{/NEW_TOKEN}}<h1>{{t_admin_tokens}}</h1>
<p class="font-lead">{{t_admin_tokens_lead}}</p>
{{#EMPTY}}<p>{{t_admin_tokens_empty}}</p>{{/EMPTY}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_admin_tokens_caption}}</caption>
<thead><tr><th scope="col">{{t_admin_tokens_col_label}}</th><th scope="col">{{t_admin_tokens_col_user}}</th>
<th scope="col">{{t_admin_tokens_col_expires}}</th><th scope="col">{{t_admin_tokens_col_status}}</th><td></td></tr></thead>
<tbody>
{{#TOKEN}}<tr><td>{{label}}</td><td>{{user}}</td><td>{{expires}}</td><td>{{status}}</td>
<td>{{#REVOKE}}<form method="post" action="{{revoke_action}}"><input type="hidden" name="csrf_token" value="{{csrf_token}}"><button class="button button-tertiary" type="submit">{{t_admin_tokens_revoke}}</button></form>{{/REVOKE}}</td></tr>
{{/TOKEN}}</tbody>
</table>
</div>
<h2>{{t_admin_tokens_create}}</h2>
<form method="post" action="/admin/tokens" novalidate>
{{>CSRF}}
{{>FIELD_USER_ID}}
{{>FIELD_LABEL}}
{{>FIELD_EXPIRES_AT}}
<button class="button button-primary" type="submit">{{t_admin_tokens_create}}</button>
</form>
