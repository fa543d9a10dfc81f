{{%AUTOESCAPE context="HTML"}}<h1>{{t_meetings_feed_title}}</h1>
<p class="font-lead">{{t_meetings_feed_lead}}</p>
{{#NEW_URL}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">{{t_meetings_feed_created}}</p>
<p class="alert-text">{{t_meetings_feed_copy}}</p><p class="alert-text"><code>{{url}}</code></p></div></div>
{{/NEW_URL}}{{#ACTIVE}}<p>{{t_meetings_feed_active}} {{created}}.</p>
<form method="post" action="/min-profil/kalender/tilbagekald" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-secondary" type="submit">{{t_meetings_feed_revoke}}</button>
</form>{{/ACTIVE}}{{#NONE}}<p>{{t_meetings_feed_none}}</p>{{/NONE}}
<form method="post" action="/min-profil/kalender" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-primary" type="submit">{{t_meetings_feed_create}}</button>
</form>
<p><a href="/min-profil">{{t_meetings_back_to_profile}}</a></p>
