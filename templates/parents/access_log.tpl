{{%AUTOESCAPE context="HTML"}}<h1>{{t_access_log_heading}}</h1>
<p class="font-lead">{{t_access_log_lead}}</p>
<p>{{t_access_log_explain}}</p>
{{#EMPTY}}<p>{{t_access_log_empty}}</p>{{/EMPTY}}{{#ENTRIES}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_access_log_caption}}</caption>
<thead><tr>
<th scope="col">{{t_access_log_col_time}}</th>
<th scope="col">{{t_access_log_col_child}}</th>
<th scope="col">{{t_access_log_col_unit}}</th>
<th scope="col">{{t_access_log_col_role}}</th>
<th scope="col">{{t_access_log_col_action}}</th>
<th scope="col">{{t_access_log_col_purpose}}</th>
</tr></thead>
<tbody>
{{#ROW}}<tr>
<td><time datetime="{{at_iso}}">{{at}}</time></td>
<td>{{child}}</td>
<td>{{unit}}</td>
<td>{{role}}</td>
<td>{{action}}</td>
<td>{{purpose}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>
{{/ENTRIES}}{{#PAGINATION}}<nav class="pagination" aria-label="{{t_access_log_pagination}}">
<ul class="pagination__items">
{{#PREV}}<li class="pagination-item"><a class="button button-unstyled" href="{{prev_href}}">{{t_access_log_prev}}</a></li>{{/PREV}}
<li class="pagination-item"><span class="pagination-number">{{t_access_log_page}} {{page}} {{t_access_log_of}} {{page_count}}</span></li>
{{#NEXT}}<li class="pagination-item"><a class="button button-unstyled" href="{{next_href}}">{{t_access_log_next}}</a></li>{{/NEXT}}
</ul>
</nav>
{{/PAGINATION}}<p>{{t_access_log_questions}}</p>
