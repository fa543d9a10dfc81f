{{%AUTOESCAPE context="HTML"}}<h1>{{t_triage_board_title}}</h1>
<p>{{t_triage_board_lead}}</p>
<h2>{{t_triage_queue_heading}}</h2>
{{#EMPTY}}<p>{{t_triage_queue_empty}}</p>{{/EMPTY}}
{{#QUEUE}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_triage_queue_heading}}">
<table class="table table--compact">
<thead><tr><th scope="col">{{t_triage_col_request}}</th><th scope="col">{{t_triage_col_district}}</th><th scope="col">{{t_triage_col_institution}}</th><th scope="col">{{t_triage_col_requested}}</th><th scope="col">{{t_triage_col_waiting}}</th></tr></thead>
<tbody>
{{#REQUEST}}<tr><td><a href="{{href}}">{{title}}</a></td><td>{{district}}</td><td>{{institution}}</td><td>{{requested}}</td><td>{{waiting_days}}</td></tr>
{{/REQUEST}}</tbody>
</table>
</div>
{{/QUEUE}}
<h2>{{t_triage_stats_heading}}</h2>
<p>{{t_triage_stats_lead}}</p>
<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{{t_triage_stats_heading}}">
<table class="table table--compact">
<thead><tr><th scope="col">{{t_triage_col_district}}</th><th scope="col">{{t_triage_col_decided}}</th><th scope="col">{{t_triage_col_median_decision}}</th><th scope="col">{{t_triage_col_started}}</th><th scope="col">{{t_triage_col_median_startup}}</th></tr></thead>
<tbody>
{{#DISTRICT}}<tr><td>{{name}}</td><td>{{decided}}</td><td>{{median_decision}}</td><td>{{started}}</td><td>{{median_startup}}</td></tr>
{{/DISTRICT}}</tbody>
</table>
</div>
