{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
<p class="font-lead">{{text}}</p>
<p>{{help}}</p>
<ul class="nobullet-list">
<li><a href="/" class="function-link">{{t_error_link_front_page}}</a></li>
<li><a href="/tilgaengelighed#kontakt" class="function-link">{{t_error_link_contact}}</a></li>
</ul>
{{#REQUEST_ID}}<p class="form-hint">{{t_error_request_id}} <code>{{request_id}}</code></p>{{/REQUEST_ID}}
