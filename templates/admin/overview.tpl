{{%AUTOESCAPE context="HTML"}}<h1>{{t_admin_title}}</h1>
<p class="font-lead">{{t_admin_lead}}</p>
<ul class="nobullet-list">
<li><h2 class="h3"><a href="/admin/enheder">{{t_admin_units}}</a></h2><p>{{t_admin_units_lead}}</p></li>
<li><h2 class="h3"><a href="/admin/brugere">{{t_admin_users}}</a></h2><p>{{t_admin_users_lead}}</p></li>
<li><h2 class="h3"><a href="/admin/foraeldre">{{t_admin_guardians}}</a></h2><p>{{t_admin_guardians_lead}}</p></li>
<li><h2 class="h3"><a href="/admin/tokens">{{t_admin_tokens}}</a></h2><p>{{t_admin_tokens_lead}}</p></li>
</ul>
