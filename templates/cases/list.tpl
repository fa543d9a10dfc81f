{{%AUTOESCAPE context="HTML"}}<h1>{{t_cases_list_title}}</h1>
<p class="font-lead">{{t_cases_list_lead}}</p>
{{#CAN_REGISTER}}<p><a class="button button-primary" href="/sager/ny">{{t_cases_list_register}}</a></p>{{/CAN_REGISTER}}
{{#EMPTY}}<p>{{t_cases_list_empty}}</p>{{/EMPTY}}{{#CASES}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
<table class="table table--compact">
<caption class="sr-only">{{t_cases_list_caption}}</caption>
<thead><tr>
<th scope="col">{{t_cases_list_col_title}}</th>
<th scope="col">{{t_cases_list_col_state}}</th>
<th scope="col">{{t_cases_list_col_opened}}</th>
</tr></thead>
<tbody>
{{#ROW}}<tr>
<td><a href="{{href}}">{{title}}</a></td>
<td>{{state}}</td>
<td>{{opened}}</td>
</tr>
{{/ROW}}</tbody>
</table>
</div>
{{/CASES}}{{#NEXT}}<p><a href="{{next_href}}">{{t_cases_list_next}}</a></p>{{/NEXT}}
