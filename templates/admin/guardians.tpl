{{%AUTOESCAPE context="HTML"}}<h1>{{t_admin_guardians}}</h1>
<p class="font-lead">{{t_admin_guardians_lead}}</p>
<p><a class="button button-secondary" href="/admin/brugere/ny">{{t_admin_users_new}}</a></p>
{{#EMPTY}}<p>{{t_admin_guardians_empty}}</p>{{/EMPTY}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_admin_guardians_caption}}</caption>
<thead><tr><th scope="col">{{t_admin_users_col_name}}</th><th scope="col">{{t_admin_users_col_email}}</th>
<th scope="col">{{t_admin_guardians_col_children}}</th></tr></thead>
<tbody>
{{#GUARDIAN}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{email}}</td>
<td>{{#NO_CHILDREN}}{{t_admin_guardian_no_children}}{{/NO_CHILDREN}}<ul class="nobullet-list">{{#CHILD}}<li>{{name}} ({{relation}}, {{custody}})</li>{{/CHILD}}</ul></td></tr>
{{/GUARDIAN}}</tbody>
</table>
</div>
{{#NEXT}}<p><a href="{{next_href}}">{{t_admin_users_next}}</a></p>{{/NEXT}}
