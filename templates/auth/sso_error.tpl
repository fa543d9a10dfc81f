{{%AUTOESCAPE context="HTML"}}<h1>{{heading}}</h1>
<div class="alert alert-error" role="alert">
<div class="alert-body">
<p class="alert-text">{{text}}</p>
</div>
</div>
<ul class="nobullet-list">
<li><a href="/log-ind/sso" class="function-link">{{t_sso_try_again}}</a></li>
<li><a href="/log-ind" class="function-link">{{t_sso_password_login}}</a></li>
</ul>
<p class="form-hint">{{t_sso_request_id}} <code>{{request_id}}</code></p>
