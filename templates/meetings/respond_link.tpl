{{%AUTOESCAPE context="HTML"}}<h1>{{t_meetings_link_title}}</h1>
{{#DONE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-heading">{{t_meetings_link_thanks}}</p><p class="alert-text">{{answer}} – {{when}}</p></div></div>
{{/DONE}}{{#ASK}}<p class="font-lead">{{t_meetings_link_lead}}</p>
<form method="post" action="/moeder/svar/{{token}}" novalidate>
<input type="hidden" name="csrf_token" value="{{csrf_token}}">
<button class="button button-primary" type="submit" name="response" value="accepted">{{t_meetings_accept}}</button>
<button class="button button-secondary" type="submit" name="response" value="declined">{{t_meetings_decline}}</button>
</form>
{{/ASK}}{{#GONE}}<p>{{t_meetings_link_gone}}</p>{{/GONE}}
