{{%AUTOESCAPE context="HTML"}}<h1>{{t_cases_list_title}}</h1>
<p class="font-lead">{{t_cases_list_lead}}</p>
{{#CAN_REGISTER}}<p><a class="button button-primary" href="/sager/ny">{{t_cases_list_register}}</a></p>{{/CAN_REGISTER}}
{{#FILTERS}}<form method="get" action="/sager" role="search" aria-label="{{t_search_form_label}}">
<div class="form-group">
<label class="form-label" for="q">{{t_search_text_label}}</label>
<span class="form-hint" id="q-hint">{{t_search_text_hint}}</span>
<input class="form-input" type="search" id="q" name="q" value="{{q}}" maxlength="200" aria-describedby="q-hint">
</div>
<div class="form-group">
<label class="form-label" for="enhed">{{t_search_unit_label}}</label>
<select class="form-select" id="enhed" name="enhed"><option value="">{{t_search_all}}</option>
{{#UNIT_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/UNIT_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="tilstand">{{t_search_state_label}}</label>
<select class="form-select" id="tilstand" name="tilstand"><option value="">{{t_search_all}}</option>
{{#STATE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/STATE_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="moedetype">{{t_search_type_label}}</label>
<select class="form-select" id="moedetype" name="moedetype"><option value="">{{t_search_all}}</option>
{{#TYPE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/TYPE_OPTION}}</select>
</div>
<div class="form-group">
<label class="form-label" for="tildelt">{{t_search_assignee_label}}</label>
<select class="form-select" id="tildelt" name="tildelt"><option value="">{{t_search_all}}</option>
{{#ASSIGNEE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>
{{/ASSIGNEE_OPTION}}</select>
</div>
<button class="button button-secondary" type="submit">{{t_search_submit}}</button>
{{#FILTERED}}<p><a href="/sager">{{t_search_clear}}</a></p>{{/FILTERED}}
</form>
{{/FILTERS}}{{#EMPTY}}<p>{{t_cases_list_empty}}</p>{{/EMPTY}}{{#NO_MATCH}}<p>{{t_search_no_match}}</p>{{/NO_MATCH}}{{#CASES}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_table_scroll_label}}">
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
