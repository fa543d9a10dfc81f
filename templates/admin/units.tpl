{{%AUTOESCAPE context="HTML"}}{{>ERROR_SUMMARY}}<h1>{{t_admin_units}}</h1>
<p class="font-lead">{{t_admin_units_lead}}</p>
{{#EMPTY}}<p>{{t_admin_units_empty}}</p>{{/EMPTY}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_admin_units_caption}}</caption>
<thead><tr><th scope="col">{{t_admin_units_col_name}}</th><th scope="col">{{t_admin_units_col_kind}}</th></tr></thead>
<tbody>
{{#UNIT}}<tr><td>{{indent}}<a href="{{href}}">{{name}}</a></td><td>{{kind}}</td></tr>
{{/UNIT}}</tbody>
</table>
</div>
<h2>{{t_admin_units_create}}</h2>
<form method="post" action="/admin/enheder" novalidate>
{{>CSRF}}
{{>FIELD_NAME}}
{{>FIELD_KIND}}
{{>FIELD_PARENT_ID}}
<button class="button button-primary" type="submit">{{t_admin_units_create}}</button>
</form>
