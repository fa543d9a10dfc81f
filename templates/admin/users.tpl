{{%AUTOESCAPE context="HTML"}}<h1>{{t_admin_users}}</h1>
<p class="font-lead">{{t_admin_users_lead}}</p>
<p><a class="button button-primary" href="/admin/brugere/ny">{{t_admin_users_new}}</a></p>
<form method="get" action="/admin/brugere">
<div class="form-group">
<label class="form-label" for="rolle">{{t_admin_users_filter_role}}</label>
<select class="form-select" id="rolle" name="rolle"><option value="">{{t_admin_users_filter_all}}</option>
{{#ROLE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/ROLE_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="enhed">{{t_admin_users_filter_unit}}</label>
<select class="form-select" id="enhed" name="enhed"><option value="">{{t_admin_users_filter_all}}</option>
{{#UNIT_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/UNIT_OPTION}}</select>
</div>
<button class="button button-secondary" type="submit">{{t_admin_users_filter}}</button>
</form>
{{#EMPTY}}<p>{{t_admin_users_empty}}</p>{{/EMPTY}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_admin_users_caption}}</caption>
<thead><tr><th scope="col">{{t_admin_users_col_name}}</th><th scope="col">{{t_admin_users_col_email}}</th>
<th scope="col">{{t_admin_users_col_role}}</th><th scope="col">{{t_admin_users_col_status}}</th></tr></thead>
<tbody>
{{#USER}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{email}}</td><td>{{role}}</td><td>{{status}}</td></tr>
{{/USER}}</tbody>
</table>
</div>
{{#NEXT}}<p><a href="{{next_href}}">{{t_admin_users_next}}</a></p>{{/NEXT}}
